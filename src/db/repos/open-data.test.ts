import { describe, expect, it } from 'vitest';
import { AnswerLineExpander, csvField } from './open-data.ts';

const parts = new Map([
  [7, { head: '2022,32.75,Kota Bekasi,"Puskesmas ""Sehat"", Bekasi",', tail: ',true\n' }],
  [9, { head: '2022,74.71,Kota Kendari,Dinas Sosial,', tail: ',false\n' }],
]);

// what the database sends: unit_id,indicator,respondent,value (respondent keys may need quotes)
const narrow = [
  '7,IN.KOM.01,R1,3',
  '7,PR.STD.01,,NA',
  '9,IN.KOM.01,"R2, pagi",1',
  '9,OUT.MAL.01,"U1\nmalam ""B""",0',
  '9,OUT.MAL.02,Ü1,2',
]
  .map((l) => `${l}\n`)
  .join('');
const expected = [
  '2022,32.75,Kota Bekasi,"Puskesmas ""Sehat"", Bekasi",IN.KOM.01,R1,3,true',
  '2022,32.75,Kota Bekasi,"Puskesmas ""Sehat"", Bekasi",PR.STD.01,,NA,true',
  '2022,74.71,Kota Kendari,Dinas Sosial,IN.KOM.01,"R2, pagi",1,false',
  '2022,74.71,Kota Kendari,Dinas Sosial,OUT.MAL.01,"U1\nmalam ""B""",0,false',
  '2022,74.71,Kota Kendari,Dinas Sosial,OUT.MAL.02,Ü1,2,false',
]
  .map((l) => `${l}\n`)
  .join('');

describe('answer lines', () => {
  it('expand each narrow line with its unit, however the bytes are cut', () => {
    const bytes = Buffer.from(narrow);
    for (let cut = 1; cut < bytes.length; cut++) {
      for (const size of [1, 2, 3, 5, 8]) {
        const x = new AnswerLineExpander(parts);
        let out = x.push(bytes.subarray(0, cut));
        for (let i = cut; i < bytes.length; i += size) out += x.push(bytes.subarray(i, i + size));
        x.end();
        expect(out).toBe(expected);
        expect(x.rows).toBe(5);
      }
    }
  });

  it('refuses an unknown unit and a stream cut inside a line', () => {
    expect(() => new AnswerLineExpander(parts).push(Buffer.from('8,A,B,1\n'))).toThrow(/unit 8/);
    const x = new AnswerLineExpander(parts);
    x.push(Buffer.from('7,A,B'));
    expect(() => x.end()).toThrow(/inside a line/);
  });

  it('quote fields as COPY does', () => {
    expect(['a', '', 'a,b', 'say "hi"', 'two\nlines', '\\.'].map(csvField)).toEqual([
      'a',
      '""',
      '"a,b"',
      '"say ""hi"""',
      '"two\nlines"',
      '"\\."',
    ]);
  });
});
