/**
 * The text of a PDF written by pdfmake/pdfkit, for tests, with no external tool:
 * content streams are inflated (node:zlib), the hex glyph codes of each TJ/Tj are
 * mapped back to Unicode through the font's /ToUnicode CMap. Enough for the PDFs we
 * write (embedded TrueType subsets, Identity-H); not a general PDF parser.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function parseObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const body = m[2] ?? '';
    const s = body.indexOf('stream');
    if (s === -1) {
      out.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, s);
    let start = s + 'stream'.length;
    if (body[start] === '\r') start += 1;
    if (body[start] === '\n') start += 1;
    const end = body.lastIndexOf('endstream');
    let raw = Buffer.from(body.slice(start, end), 'latin1');
    if (/\/FlateDecode/.test(dict)) {
      try {
        raw = inflateSync(raw);
      } catch {
        raw = Buffer.alloc(0); // fonts and images we do not need
      }
    }
    out.set(Number(m[1]), { dict, stream: raw });
  }
  return out;
}

/** UTF-16BE hex to text; white space inside a hex string is allowed (a ligature maps to `<0066 0069>`). */
function utf16(spaced: string): string {
  const hex = spaced.replace(/\s+/g, '');
  let s = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCharCode(Number.parseInt(hex.slice(i, i + 4), 16));
  return s;
}

function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) {
      map.set(Number.parseInt(m[1] ?? '0', 16), utf16(m[2] ?? ''));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const re = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/g;
    for (const m of (block[1] ?? '').matchAll(re)) {
      const lo = Number.parseInt(m[1] ?? '0', 16);
      const hi = Number.parseInt(m[2] ?? '0', 16);
      const dst = m[3] ?? '';
      if (dst.startsWith('[')) {
        const items = [...dst.matchAll(/<([0-9a-fA-F\s]+)>/g)].map((x) => utf16(x[1] ?? ''));
        items.forEach((u, i) => {
          map.set(lo + i, u);
        });
      } else {
        const base = Number.parseInt(dst.slice(1, -1).replace(/\s+/g, ''), 16);
        for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(base + (c - lo)));
      }
    }
  }
  return map;
}

/** The text of every content stream, in the order the streams are stored. */
export function pdfText(pdf: Buffer): string {
  const objects = parseObjects(pdf);
  const cmaps = new Map<number, Map<number, string>>();
  for (const [id, o] of objects) {
    const ref = /\/ToUnicode (\d+) 0 R/.exec(o.dict);
    const cmap = ref ? objects.get(Number(ref[1]))?.stream : undefined;
    if (cmap) cmaps.set(id, parseCMap(cmap.toString('latin1')));
  }
  const fontByName = new Map<string, Map<number, string>>();
  for (const o of objects.values()) {
    for (const m of o.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const cmap = cmaps.get(Number(m[2]));
      if (cmap) fontByName.set(m[1] ?? '', cmap);
    }
  }
  const lines: string[] = [];
  for (const o of objects.values()) {
    if (!o.stream || !/\bBT\b/.test(o.stream.toString('latin1', 0, 4096))) continue;
    const content = o.stream.toString('latin1');
    let font: Map<number, string> | undefined;
    let line = '';
    const decode = (hex: string) => {
      let s = '';
      for (let i = 0; i + 4 <= hex.length; i += 4) s += font?.get(Number.parseInt(hex.slice(i, i + 4), 16)) ?? '';
      return s;
    };
    const re = /\/(F\d+)\s+[\d.]+\s+Tf|\[((?:[^\]\\]|\\.)*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\bET\b/g;
    for (let m = re.exec(content); m !== null; m = re.exec(content)) {
      if (m[1] !== undefined) font = fontByName.get(m[1]);
      else if (m[2] !== undefined) for (const h of m[2].matchAll(/<([0-9a-fA-F]*)>/g)) line += decode(h[1] ?? '');
      else if (m[3] !== undefined) line += decode(m[3]);
      else {
        if (line.trim() !== '') lines.push(line);
        line = '';
      }
    }
  }
  // pdfmake writes a text object per word, with its trailing space (or after a hyphen,
  // where it may also break a line): those continue the text, anything else (the end
  // of a cell, a heading) ends the line
  let out = '';
  for (const l of lines) out += out === '' || out.endsWith(' ') || out.endsWith('-') ? l : `\n${l}`;
  return out;
}

/** The text with runs of white space made single spaces, for `toContain` checks. */
export function pdfFlatText(pdf: Buffer): string {
  return pdfText(pdf).replace(/\s+/g, ' ');
}
