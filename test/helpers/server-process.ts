/**
 * `patuh serve` as a child process, for the tests of what happens around it:
 * another process on its data folder, a signal, what it prints.
 */
import type { ChildProcess } from 'node:child_process';
import type { CliWorkspace } from './cli.ts';

export interface ServerProcess {
  readonly child: ChildProcess;
  /** the base URL it serves at */
  readonly url: string;
  /** everything printed on stdout so far */
  stdout(): string;
  /** resolves with the first match of `pattern` in stdout (now or later); rejects if the process ends first */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  /** resolves with the exit code (null: ended by a signal) and the signal */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function startServer(
  cli: CliWorkspace,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<ServerProcess> {
  const child = cli.start({ PORT: '0', HOST: '127.0.0.1', ...env }, 'serve', ...args);
  let out = '';
  let err = '';
  const waiters: { pattern: RegExp; resolve(m: RegExpMatchArray): void; reject(e: Error): void }[] = [];
  const check = () => {
    for (const w of [...waiters]) {
      const m = out.match(w.pattern);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    check();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      // the pipes may still hold the last lines
      setImmediate(() => {
        check();
        for (const w of waiters.splice(0)) {
          w.reject(new Error(`patuh serve ended (${code ?? signal}) before printing ${w.pattern}\n${out}\n${err}`));
        }
        resolve({ code, signal });
      });
    });
  });
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const m = out.match(pattern);
      if (m) return resolve(m);
      if (child.exitCode !== null || child.signalCode !== null) {
        return reject(new Error(`patuh serve has ended; it never printed ${pattern}\n${out}\n${err}`));
      }
      waiters.push({ pattern, resolve, reject });
    });
  const serving = await waitFor(/Patuh is serving at (http:\/\/\S+)/);
  return { child, url: serving[1] as string, stdout: () => out, waitFor, exited };
}
