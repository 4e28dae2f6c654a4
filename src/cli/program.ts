/** The `patuh` command line: a thin shell over the services; src/main.ts gives it the HTTP server. */
import { Command, CommanderError } from 'commander';
import { registerAuditCommands } from './commands-audit.ts';
import { registerBackupCommands } from './commands-backup.ts';
import { registerCycleCommands } from './commands-cycles.ts';
import { registerDataCommands } from './commands-data.ts';
import { registerReportCommands } from './commands-reports.ts';
import { registerSamplingCommands } from './commands-sampling.ts';
import { registerServerCommands, type Serve } from './commands-server.ts';
import { registerSupervisionCommands } from './commands-supervision.ts';
import { registerUserCommands } from './commands-users.ts';

/** Every command of `patuh`, wired; nothing runs until it is parsed. */
export function buildProgram(deps: { serve: Serve }): Command {
  const program = new Command();
  program
    .name('patuh')
    .description('Patuh — Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik (Ombudsman RI)')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();

  registerServerCommands(program, deps.serve);
  registerDataCommands(program);
  registerCycleCommands(program);
  registerUserCommands(program);
  registerSamplingCommands(program);
  registerAuditCommands(program);
  registerReportCommands(program);
  registerBackupCommands(program);
  registerSupervisionCommands(program);
  return program;
}

/** Runs `patuh` with these arguments; the exit code is left in process.exitCode. */
export async function runCli(argv: string[], deps: { serve: Serve }): Promise<void> {
  const program = buildProgram(deps);
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version exit 0; anything else is a usage error: bad input
      process.exitCode = e.exitCode === 0 ? 0 : 2;
    } else {
      process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    }
  }
}
