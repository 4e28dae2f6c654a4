/**
 * The demo admin's password goes to a file only its owner may read (mode 0600) in
 * the data folder, never to stdout: the output of `patuh serve` ends up in service
 * logs (issue 12, finding 9).
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const DEMO_PASSWORD_FILE = 'demo-admin-password.txt';

/** Writes the password to `<dataDir>/demo-admin-password.txt` (0600) and returns the file's path. */
export function writeDemoPassword(dataDir: string, email: string, password: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DEMO_PASSWORD_FILE);
  writeFileSync(file, `${email}\n${password}\n`, { mode: 0o600, flush: true });
  chmodSync(file, 0o600); // a file left by an earlier demo keeps its mode otherwise
  return file;
}
