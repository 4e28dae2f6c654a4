/**
 * `patuh serve` until SIGTERM or SIGINT, then a graceful stop: the listening socket
 * closes (new connections are refused; a request arriving on an open keep-alive
 * connection gets 503), the requests in flight finish and are answered, then the
 * caller closes the database (PGlite's close ends with a checkpoint) and the process
 * exits 0. A second signal, or requests still running after the grace period, end
 * it sooner: the open connections are cut (commits already acknowledged are on disk,
 * ADR 0011).
 */
import type { FastifyInstance } from 'fastify';

/** how long the requests in flight may take once a stop is asked */
export const SHUTDOWN_GRACE_MS = 30_000;

/** Resolves once the server has stopped after a signal; the caller then closes the database. */
/** `say` prints a line for the person who runs the server (the CLI's stdout). */
export function serveUntilStopped(
  app: FastifyInstance,
  say: (line: string) => void,
  graceMs = SHUTDOWN_GRACE_MS,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let stopping = false;
    const cut = (why: string) => {
      say(`${why}: closing the open connections`);
      app.server.closeAllConnections();
    };
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return cut(`${signal} again`);
      stopping = true;
      say(`stopping (${signal}): finishing the requests in flight, then closing the database`);
      const grace = setTimeout(() => cut(`still running after ${graceMs / 1000} s`), graceMs);
      grace.unref();
      app.close().then(
        () => {
          clearTimeout(grace);
          process.removeListener('SIGINT', stop);
          process.removeListener('SIGTERM', stop);
          resolve();
        },
        (e: unknown) => reject(e),
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
