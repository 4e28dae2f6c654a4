/** Progress on stderr: a bar on a terminal, a line per 10% elsewhere (logs, CI). */
import cliProgress from 'cli-progress';

export interface Progress {
  update(phase: string, done: number, total: number): void;
  stop(): void;
}

export function createProgress(enabled = true): Progress {
  if (!enabled) return { update() {}, stop() {} };
  const tty = process.stderr.isTTY === true;
  let bar: cliProgress.SingleBar | undefined;
  let phase = '';
  let lastTenth = -1;
  return {
    update(p, done, total) {
      if (tty) {
        if (p !== phase) {
          bar?.stop();
          bar = new cliProgress.SingleBar(
            {
              format: `${p.padEnd(10)} [{bar}] {percentage}% {value}/{total}`,
              stream: process.stderr,
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(total, 0);
          phase = p;
        }
        bar?.setTotal(total);
        bar?.update(done);
        return;
      }
      const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (p !== phase || tenth > lastTenth) {
        if (p !== phase) lastTenth = -1;
        phase = p;
        lastTenth = tenth;
        process.stderr.write(`${p}: ${Math.min(100, tenth * 10)}%\n`);
      }
    },
    stop() {
      bar?.stop();
    },
  };
}
