/** What every command shares: configuration, the open database, errors → exit codes. */
import { type Config, ConfigError, loadConfig } from '../config.ts';
import { fromDatabaseError } from '../database-errors.ts';
import { isAppError } from '../errors.ts';
import { openContainer } from '../services/container.ts';
import type { ServiceContext } from '../services/context.ts';
import { formatRowError, type RowError } from '../services/imports/table-reader.ts';
import { CatalogError } from '../services/instrument-catalog.ts';

export interface Opened {
  ctx: ServiceContext;
  config: Config;
  close(): Promise<void>;
}

export async function openContext(): Promise<Opened> {
  const config = loadConfig();
  const { ctx, close } = await openContainer(config.database, { passwordMinScore: config.passwordMinScore });
  return { ctx, config, close };
}

/** Runs a command body with the database open; maps errors to messages and exit codes. */
export async function withContext(body: (o: Opened) => Promise<void>, json = false): Promise<void> {
  let opened: Opened | undefined;
  try {
    opened = await openContext();
    await body(opened);
  } catch (e) {
    process.exitCode = reportError(e, json);
  } finally {
    await opened?.close();
  }
}

export function reportError(thrown: unknown, json: boolean): number {
  const e = fromDatabaseError(thrown) ?? thrown;
  if (isAppError(e)) {
    if (json) process.stdout.write(`${JSON.stringify(e.toJSON(), null, 2)}\n`);
    const details = e.details as { errors?: RowError[]; moreRows?: number } | undefined;
    process.stderr.write(`error: ${e.message}\n`);
    if (details?.errors) for (const r of details.errors) process.stderr.write(`  ${formatRowError(r)}\n`);
    if (details?.moreRows) process.stderr.write(`  … and ${details.moreRows} more bad rows\n`);
    return e.exitCode;
  }
  if (e instanceof ConfigError || e instanceof CatalogError) {
    process.stderr.write(`error: ${e.message}\n`);
    return 1;
  }
  process.stderr.write(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return 1;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
