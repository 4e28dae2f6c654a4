/**
 * COPY … TO STDOUT on a pg client, read frame by frame: each CopyData message of the
 * protocol is one row, handed to `onRow` with its bytes (trailing newline included),
 * which appends what it wants written to a ByteWriter. The stream is a pg Submittable
 * like pg-copy-streams' (it takes the socket over while the COPY runs and gives it back
 * at CopyDone or at an error), but it does not allocate a buffer per row: on the
 * national cycle that per-row cost was half of the export's CPU time (ADR 0003).
 */
import { Readable } from 'node:stream';
import type { Connection } from 'pg';

/** A growable output buffer: rows are appended, then taken as one chunk. */
export class ByteWriter {
  buf: Buffer;
  length = 0;
  constructor(size = 1 << 20) {
    this.buf = Buffer.allocUnsafe(size);
  }
  ensure(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + extra));
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }
  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  /** bytes [start, end) of src */
  range(src: Buffer, start: number, end: number): void {
    this.ensure(end - start);
    const out = this.buf;
    let o = this.length;
    for (let i = start; i < end; i++) out[o++] = src[i] as number; // short runs: a loop beats a native copy call
    this.length = o;
  }
  /** the bytes written so far, as a new chunk; the writer starts empty again */
  take(): Buffer {
    const chunk = Buffer.from(this.buf.subarray(0, this.length));
    this.length = 0;
    return chunk;
  }
}

export type RowHandler = (src: Buffer, start: number, end: number, out: ByteWriter) => void;

const COPY_DATA = 0x64; // 'd'
const COPY_DONE = 0x63; // 'c'
const ERROR_RESPONSE = 0x45; // 'E'

export class CopyOutStream extends Readable {
  readonly text: string;
  rows = 0;
  private connection: Connection | undefined;
  private pgDataHandler: ((chunk: Buffer) => void) | undefined;
  private carry: Buffer | null = null;
  private wantMore = false;
  private forwarding = false;
  private finished = false;
  private readonly out = new ByteWriter();
  private readonly onRow: RowHandler;
  private readonly onReadable = () => this.forward();

  constructor(text: string, onRow: RowHandler) {
    super({ highWaterMark: 1 << 17 });
    this.text = text;
    this.onRow = onRow;
  }

  /** Called by pg when the client runs this query. */
  submit(connection: Connection): void {
    this.connection = connection;
    const socket = connection.stream;
    const [handler] = socket.listeners('data') as Array<(chunk: Buffer) => void>;
    if (!handler) throw new Error('the pg connection has no data handler to take over');
    this.pgDataHandler = handler;
    socket.removeListener('data', handler);
    socket.pause();
    socket.on('readable', this.onReadable);
    connection.query(this.text);
  }

  override _read(): void {
    this.wantMore = true;
    this.forward();
  }

  private forward(): void {
    const socket = this.connection?.stream;
    if (!socket || this.forwarding || !this.wantMore || this.finished) return;
    this.forwarding = true;
    let chunk: Buffer | null = socket.read() as Buffer | null;
    while (chunk !== null) {
      this.wantMore = this.parse(chunk);
      if (!this.wantMore || this.finished) break;
      chunk = socket.read() as Buffer | null;
    }
    this.forwarding = false;
  }

  /** Hands the socket back to pg with the bytes that follow the COPY (CommandComplete, ReadyForQuery, or an error). */
  private detach(rest: Buffer): void {
    const socket = this.connection?.stream;
    const handler = this.pgDataHandler;
    if (!socket || !handler) return;
    this.finished = true;
    socket.removeListener('readable', this.onReadable);
    socket.addListener('data', handler);
    handler(rest);
    process.nextTick(() => socket.resume());
  }

  private parse(chunk: Buffer): boolean {
    let buf = chunk;
    if (this.carry) {
      // complete the frame cut at the end of the last chunk from the head of this one, without copying the rest
      const joined = this.completeCarry(chunk);
      if (!joined) return true;
      const { frame, used } = joined;
      if (!this.frames(frame)) return false;
      buf = chunk.subarray(used);
    }
    return this.frames(buf) && (this.out.length > 0 ? this.push(this.out.take()) : true);
  }

  /** The carried partial frame completed from `chunk`, or null when `chunk` does not complete it (then carried). */
  private completeCarry(chunk: Buffer): { frame: Buffer; used: number } | null {
    const carry = this.carry as Buffer;
    const head = carry.length >= 5 ? carry : Buffer.concat([carry, chunk.subarray(0, 5 - carry.length)]);
    if (head.length < 5) {
      this.carry = head;
      return null;
    }
    const size = 1 + head.readUInt32BE(1);
    const used = size - carry.length;
    if (used > chunk.length) {
      this.carry = Buffer.concat([carry, chunk]);
      return null;
    }
    this.carry = null;
    return { frame: Buffer.concat([carry, chunk.subarray(0, used)]), used };
  }

  /** Handles the complete frames of buf; carries an incomplete last one. False when the COPY ended here. */
  private frames(buf: Buffer): boolean {
    let p = 0;
    while (p + 5 <= buf.length) {
      const code = buf[p];
      if (code === ERROR_RESPONSE) {
        this.detach(buf.subarray(p)); // pg reads the error and calls handleError
        return false;
      }
      const end = p + 1 + buf.readUInt32BE(p + 1);
      if (end > buf.length) break;
      if (code === COPY_DATA) {
        this.onRow(buf, p + 5, end, this.out);
        this.rows += 1;
      } else if (code === COPY_DONE) {
        if (this.out.length > 0) this.push(this.out.take());
        this.detach(buf.subarray(end));
        this.push(null);
        return false;
      }
      p = end; // CopyOutResponse, notices, parameter status: nothing to write
    }
    if (p < buf.length) this.carry = Buffer.from(buf.subarray(p));
    return true;
  }

  /** pg: the query failed */
  handleError(err: Error): void {
    this.destroy(err);
  }
  handleCommandComplete(): void {}
  handleReadyForQuery(): void {}
}
