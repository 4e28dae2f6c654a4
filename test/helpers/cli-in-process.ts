/**
 * Runs a command body as if it were a process of its own, inside this one: for its
 * duration process.env is the given environment, process.stdin yields the given
 * input, what it writes to process.stdout, process.stderr and the console is captured, and
 * process.exitCode is its own. One body at a time (they share the process's globals).
 */
import { Console } from 'node:console';
import { Readable, Writable } from 'node:stream';

export interface InProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

type Write = typeof process.stdout.write;

let queue: Promise<unknown> = Promise.resolve();

function capture(stream: NodeJS.WriteStream, sink: string[]): () => void {
  const original = stream.write;
  const write = (chunk: unknown, encoding?: unknown, callback?: unknown): boolean => {
    sink.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
    return true;
  };
  stream.write = write as Write;
  return () => {
    stream.write = original;
  };
}

function sinkStream(sink: string[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      sink.push(chunk.toString('utf8'));
      done();
    },
  });
}

async function runOnce(
  opts: { env: NodeJS.ProcessEnv; input?: string | undefined; cwd: string },
  body: () => Promise<void>,
): Promise<InProcessRun> {
  const savedEnv = { ...process.env };
  const savedStdin = Object.getOwnPropertyDescriptor(process, 'stdin');
  const savedCwd = process.cwd();
  const out: string[] = [];
  const err: string[] = [];
  for (const key of Object.keys(process.env)) delete process.env[key];
  Object.assign(process.env, opts.env);
  Object.defineProperty(process, 'stdin', {
    configurable: true,
    enumerable: true,
    value: Readable.from(opts.input === undefined ? [] : [Buffer.from(opts.input)]),
  });
  process.chdir(opts.cwd);
  const restoreOut = capture(process.stdout, out);
  const restoreErr = capture(process.stderr, err);
  const savedConsole = globalThis.console;
  globalThis.console = new Console({ stdout: sinkStream(out), stderr: sinkStream(err) });
  process.exitCode = undefined;
  try {
    await body();
  } catch (e) {
    err.push(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode ??= 1;
  } finally {
    globalThis.console = savedConsole;
    restoreOut();
    restoreErr();
    process.chdir(savedCwd);
    if (savedStdin) Object.defineProperty(process, 'stdin', savedStdin);
    for (const key of Object.keys(process.env)) delete process.env[key];
    Object.assign(process.env, savedEnv);
  }
  const code = process.exitCode === undefined ? 0 : Number(process.exitCode);
  process.exitCode = undefined;
  return { code, stdout: out.join(''), stderr: err.join('') };
}

export function runInThisProcess(
  opts: { env: NodeJS.ProcessEnv; input?: string | undefined; cwd: string },
  body: () => Promise<void>,
): Promise<InProcessRun> {
  const next = queue.then(() => runOnce(opts, body));
  queue = next.catch(() => undefined);
  return next;
}
