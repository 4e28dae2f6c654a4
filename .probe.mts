import { loadRegistryEntities } from '/work/main/src/services/registry-source.ts';
import { buildNameIndex, resolveEntity, formatCandidates } from '/work/main/src/domain/registry/names.ts';
const es = await loadRegistryEntities();
const idx = buildNameIndex(es);
const show = (n: string, level?: any) => { const r = resolveEntity(idx, n, level ? { level } : undefined); console.log(JSON.stringify(n), level ?? '', r.ok ? `OK ${r.entity.name} (${r.entity.code})` : `${r.reason}: ${formatCandidates(r.candidates)}`); };
for (const n of ['Kota Bekasi','KOTA BEKASI','Kab. Bekasi','Kabupaten Bekasi','Prov. Bali','Provinsi Bali','Bali','Kemendagri','Kementerian Dalam Negeri','BPOM','Badan Pengawas Obat dan Makanan','DKI Jakarta','Provinsi DKI Jakarta','Kota Kendari','Kota Adm. Jakarta Pusat','Kota Jakarta Pusat','Jakarta Pusat','Bekasi','Kota Atlantis','Gorontalo','Bengkulu','Jambi','Kota Baubau','Kab. Tolitoli','Pemerintah Kota Bekasi','Pemkab Bekasi','Kab. Kep. Seribu','Kepulauan Seribu','Kemendes','Kominfo','BPJS','Bekasii','Kementrian Kesehatan','Kemenkes RI','Xyz','Kota Pematang Siantar','Banjar','Yogyakarta','DIY','Jawa Barat','32.75','kemendagri','atr-bpn','ATR/BPN','Kemenpan RB','Provinsi Papua Barat Daya','Kabupaten Bandung Barat','Ombudsman','Kab Aceh Selatan','Kotamadya Surabaya', 'Surabaya', 'Kabupaten Surabaya']) show(n);
show('Bekasi','kota'); show('Gorontalo','provinsi'); show('32.75','kabupaten');
const t = performance.now(); for (let i=0;i<100;i++) resolveEntity(idx, 'Kota Atlantis ' + i); console.log('100 unknown ms', performance.now()-t);
