/** The `patuh` program: every command, registered (main.ts runs it; tests enumerate it). */
import { Command } from 'commander';
import { registerAuditCommands } from './commands-audit.ts';
import { registerCycleCommands } from './commands-cycles.ts';
import { registerDataCommands } from './commands-data.ts';
import { registerReportCommands } from './commands-reports.ts';
import { registerSamplingCommands } from './commands-sampling.ts';
import { registerServerCommands } from './commands-server.ts';
import { registerUserCommands } from './commands-users.ts';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('patuh')
    .description('Patuh — Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik (Ombudsman RI)')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();

  registerServerCommands(program);
  registerDataCommands(program);
  registerCycleCommands(program);
  registerUserCommands(program);
  registerSamplingCommands(program);
  registerAuditCommands(program);
  registerReportCommands(program);

  return program;
}
