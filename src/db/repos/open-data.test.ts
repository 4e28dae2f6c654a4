import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ByteWriter, CopyOutStream } from '../copy-out.ts';
import { AnswerLineExpander, csvField, expandLine, type UnitParts } from './open-data.ts';

const part = (head: string, synthetic: boolean): UnitParts => ({
  head: Buffer.from(head),
  tail: Buffer.from(synthetic ? ',true\n' : ',false\n'),
});
const parts = new Map([
  [7, part('2022,32.75,Kota Bekasi,"Puskesmas ""Sehat"", Bekasi",', true)],
  [9, part('2022,74.71,Kota Kendari,Dinas Sosial,', false)],
]);

// what the database sends: unit_id,indicator,respondent,value (respondent keys may need quotes)
const narrowLines = [
  '7,IN.KOM.01,R1,3',
  '7,PR.STD.01,,NA',
  '9,IN.KOM.01,"R2, pagi",1',
  '9,OUT.MAL.01,"U1\nmalam ""B""",0',
  '9,OUT.MAL.02,Ü1,2',
].map((l) => `${l}\n`);
const expected = [
  '2022,32.75,Kota Bekasi,"Puskesmas ""Sehat"", Bekasi",IN.KOM.01,R1,3,true',
  '2022,32.75,Kota Bekasi,"Puskesmas ""Sehat"", Bekasi",PR.STD.01,,NA,true',
  '2022,74.71,Kota Kendari,Dinas Sosial,IN.KOM.01,"R2, pagi",1,false',
  '2022,74.71,Kota Kendari,Dinas Sosial,OUT.MAL.01,"U1\nmalam ""B""",0,false',
  '2022,74.71,Kota Kendari,Dinas Sosial,OUT.MAL.02,Ü1,2,false',
]
  .map((l) => `${l}\n`)
  .join('');

/** The protocol messages of a COPY TO STDOUT: response, one CopyData per row, done, then what pg reads. */
function frame(code: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(code, 0, 'latin1');
  head.writeUInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}
const copyMessages = Buffer.concat([
  frame('H', Buffer.from([0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0])),
  ...narrowLines.map((l) => frame('d', Buffer.from(l))),
  frame('c', Buffer.alloc(0)),
]);
const afterCopy = Buffer.concat([frame('C', Buffer.from('COPY 5\0')), frame('Z', Buffer.from('I'))]);

describe('answer lines from PGlite blobs', () => {
  it('expand each narrow line with its unit, however the bytes are cut', () => {
    const bytes = Buffer.from(narrowLines.join(''));
    for (let cut = 1; cut < bytes.length; cut++) {
      for (const size of [1, 2, 3, 5, 8]) {
        const x = new AnswerLineExpander(parts);
        const out = [x.push(bytes.subarray(0, cut))];
        for (let i = cut; i < bytes.length; i += size) out.push(x.push(bytes.subarray(i, i + size)));
        x.end();
        expect(Buffer.concat(out).toString()).toBe(expected);
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

describe('COPY frames from PostgreSQL', () => {
  it('expands one row per CopyData message and gives the socket back to pg at CopyDone', async () => {
    const all = Buffer.concat([copyMessages, afterCopy]);
    for (const size of [1, 3, 7, 64, all.length]) {
      const socket = new PassThrough();
      const pgRead: Buffer[] = [];
      socket.on('data', (b: Buffer) => pgRead.push(b)); // pg's own reader
      let sent = '';
      const connection = { stream: socket, query: (text: string) => (sent = text) };
      const rows = new CopyOutStream('COPY (…) TO STDOUT', (src, start, end, out) =>
        expandLine(parts, src, start, end, out),
      );
      rows.submit(connection as never);
      expect(sent).toBe('COPY (…) TO STDOUT');
      const out: Buffer[] = [];
      rows.on('data', (b: Buffer) => out.push(b));
      const ended = new Promise((resolve) => rows.on('end', resolve));
      for (let i = 0; i < all.length; i += size) socket.write(all.subarray(i, i + size));
      await ended;
      await new Promise((resolve) => setImmediate(resolve));
      expect(Buffer.concat(out).toString()).toBe(expected);
      expect(rows.rows).toBe(5);
      expect(Buffer.concat(pgRead)).toEqual(afterCopy);
    }
  });

  it('leaves an error to pg', async () => {
    const socket = new PassThrough();
    const pgRead: Buffer[] = [];
    socket.on('data', (b: Buffer) => pgRead.push(b));
    const rows = new CopyOutStream('COPY', (src, start, end, out) => out.range(src, start, end));
    rows.submit({ stream: socket, query: () => {} } as never);
    rows.resume();
    const error = frame('E', Buffer.from('SERROR\0\0'));
    socket.write(Buffer.concat([frame('d', Buffer.from('1,a\n')), error]));
    await new Promise((resolve) => setImmediate(resolve));
    expect(Buffer.concat(pgRead)).toEqual(error);
    const failed = new Promise<Error>((resolve) => rows.on('error', resolve));
    rows.handleError(new Error('boom'));
    expect((await failed).message).toBe('boom');
    expect(rows.destroyed).toBe(true);
  });

  it('grows its output buffer', () => {
    const w = new ByteWriter(4);
    w.bytes(Buffer.from('abc'));
    w.range(Buffer.from('xdefx'), 1, 4);
    expect(w.take().toString()).toBe('abcdef');
    expect(w.length).toBe(0);
  });
});
