import { describe, expect, it } from 'vitest';
import { answersFrom, applicableIndicators, type Draft, draftKey, formSlots, newId, toPayload } from './model';
import { fitWithin } from './photo';
import type { FullIndicator, FullInstrument } from './schemas';

const scale = [0, 1, 2, 3].map((value) => ({ value, id: `tingkat ${value}`, en: `level ${value}` }));
const ind = (
  code: string,
  method: FullIndicator['method'],
  respondents: number,
  appliesTo?: string[],
): FullIndicator => ({
  code,
  text: { id: code, en: code },
  method,
  respondents,
  evidence: method === 'observation' ? 'photo' : method === 'document_check' ? 'document' : 'none',
  appliesTo: appliesTo ?? null,
  scale,
});

const instrument: FullInstrument = {
  edition: 'uji',
  name: { id: 'Uji', en: 'Test' },
  dimensions: [
    {
      code: 'A',
      name: { id: 'A', en: 'A' },
      variables: [
        {
          code: 'B',
          name: { id: 'B', en: 'B' },
          indicators: [
            ind('A.B.01', 'observation', 1),
            ind('A.B.02', 'document_check', 1),
            ind('A.B.03', 'document_check', 1, ['kementerian']),
            ind('A.B.04', 'official_interview', 4),
            ind('A.B.05', 'official_interview', 2),
            ind('A.B.06', 'complaint_officer_interview', 2),
            ind('A.B.07', 'service_user_interview', 5),
          ],
        },
      ],
    },
  ],
};

describe('the forms of a unit', () => {
  const kota = applicableIndicators(instrument, 'kota');

  it('leaves out what does not apply to the entity’s level', () => {
    expect(kota.map((i) => i.code)).not.toContain('A.B.03');
    expect(applicableIndicators(instrument, 'kementerian').map((i) => i.code)).toContain('A.B.03');
  });

  it('puts observation and document items on one checklist of two sheets, respondent ""', () => {
    const [slot, ...more] = formSlots(kota, 'checklist');
    expect(more).toEqual([]);
    expect(slot?.respondent).toBe('');
    expect(slot?.sheets.map((s) => [s.kind, s.indicators.map((i) => i.code)])).toEqual([
      ['observation', ['A.B.01']],
      ['document_check', ['A.B.02']],
    ]);
  });

  it('asks an indicator of its first n respondents only (R1–R4; R3 gets only the four-respondent item)', () => {
    const slots = formSlots(kota, 'official_interview');
    expect(slots.map((s) => s.respondent)).toEqual(['R1', 'R2', 'R3', 'R4']);
    expect(slots[0]?.sheets[0]?.indicators.map((i) => i.code)).toEqual(['A.B.04', 'A.B.05']);
    expect(slots[2]?.sheets[0]?.indicators.map((i) => i.code)).toEqual(['A.B.04']);
  });

  it('names complaint officers P1–P2 and service users U1–Un', () => {
    expect(formSlots(kota, 'complaint_officer_interview').map((s) => s.respondent)).toEqual(['P1', 'P2']);
    expect(formSlots(kota, 'service_user_interview').map((s) => s.respondent)).toEqual(['U1', 'U2', 'U3', 'U4', 'U5']);
  });
});

describe('a draft as it is posted', () => {
  const draft: Draft = {
    key: draftKey(7, 2027, 15, 'observation', ''),
    userId: 7,
    year: 2027,
    entity: { code: '32.75', name: 'Kota Bekasi' },
    unit: { id: 15, name: 'Dinas' },
    kind: 'observation',
    respondent: '',
    id: newId(),
    baseVersion: 2,
    answers: {
      'B.X.02': { value: null, note: '  ', evidence: [] },
      'A.X.01': { value: 3, note: ' papan ada ', evidence: ['ab'.repeat(32)] },
      'C.X.03': { evidence: [] },
    },
    state: 'editing',
    gps: { lat: -6.2, lng: 106.9 },
    createdAt: '2027-03-02T01:02:03.000Z',
    updatedAt: '2027-03-02T01:02:03.000Z',
  };

  it('sends answered items only, sorted, notes trimmed, with the id, base version and position', () => {
    const p = toPayload(draft);
    expect(p).toMatchObject({ id: draft.id, unitId: 15, kind: 'observation', respondent: '', baseVersion: 2 });
    expect(p.items).toEqual([
      { indicator: 'A.X.01', value: 3, note: 'papan ada', evidence: ['ab'.repeat(32)] },
      { indicator: 'B.X.02', value: null },
    ]);
    expect(p.gps).toEqual({ lat: -6.2, lng: 106.9 });
  });

  it('is the same post every time (a retry is a duplicate, not a change)', () => {
    expect(toPayload(draft)).toEqual(toPayload({ ...draft }));
  });

  it('reads the server’s items back as answers', () => {
    expect(answersFrom([{ indicator: 'A.X.01', value: 1, note: null, evidence: [] }])).toEqual({
      'A.X.01': { value: 1, note: '', evidence: [] },
    });
  });

  it('makes version 4 UUIDs', () => {
    expect(newId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('photos', () => {
  it('fit within 1600 px on the long side, never enlarged', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
  });
});
