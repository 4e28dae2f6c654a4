import type { Instrument } from '../instrument/schema.ts';

const scale = [0, 1, 2, 3].map((value) => ({ value, id: `nilai ${value}`, en: `value ${value}` }));
const t = (s: string) => ({ id: s, en: s });

function indicators(
  prefix: string,
  n: number,
  method: Instrument['dimensions'][number]['variables'][number]['indicators'][number]['method'] = 'observation',
) {
  return Array.from({ length: n }, (_, i) => ({
    code: `${prefix}.${String(i + 1).padStart(2, '0')}`,
    text: t(`${prefix} ${i + 1}`),
    method,
    respondents: 1 as const,
    evidence: 'none' as const,
    requirement: t('required'),
    scale,
  }));
}

/** The 2022 shape (weights and counts from METHODOLOGY.md) with placeholder texts. */
export const testInstrument: Instrument = {
  edition: 'test-2022',
  name: t('test'),
  year: 2022,
  serviceUsersPerUnit: 5,
  sampling: { productsPerUnit: 2, unitKinds: [{ kind: 'OPD', count: 5 }] },
  dimensions: [
    {
      code: 'IN',
      name: t('Input'),
      weight: 21.85,
      variables: [
        {
          code: 'KOM',
          name: t('Kompetensi'),
          weight: 12.22,
          indicators: indicators('IN.KOM', 5, 'official_interview'),
        },
        { code: 'SAR', name: t('Sarana'), weight: 9.63, indicators: indicators('IN.SAR', 8) },
      ],
    },
    {
      code: 'PR',
      name: t('Proses'),
      weight: 32.37,
      variables: [{ code: 'STD', name: t('Standar'), weight: 32.37, indicators: indicators('PR.STD', 11) }],
    },
    {
      code: 'OUT',
      name: t('Output'),
      weight: 24.24,
      variables: [
        {
          code: 'MAL',
          name: t('Maladministrasi'),
          weight: 24.24,
          indicators: indicators('OUT.MAL', 5, 'service_user_interview'),
        },
      ],
    },
    {
      code: 'PGD',
      name: t('Pengaduan'),
      weight: 21.54,
      variables: [{ code: 'ADU', name: t('Pengaduan'), weight: 21.54, indicators: indicators('PGD.ADU', 5) }],
    },
  ],
};

export const allCodes = testInstrument.dimensions.flatMap((d) =>
  d.variables.flatMap((v) => v.indicators.map((i) => i.code)),
);
