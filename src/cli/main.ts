/** The `patuh` command line: a thin shell over the services. */
import { Command, CommanderError } from 'commander';
import { registerAuditCommands } from './commands-audit.ts';
import { registerDataCommands } from './commands-data.ts';
import { registerReportCommands } from './commands-reports.ts';
import { registerSamplingCommands } from './commands-sampling.ts';
import { registerServerCommands } from './commands-server.ts';
import { registerSupervisionCommands } from './commands-supervision.ts';
import { registerUserCommands } from './commands-users.ts';

const program = new Command();
program
  .name('patuh')
  .description('Patuh — Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik (Ombudsman RI)')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();

registerServerCommands(program);
registerDataCommands(program);
registerUserCommands(program);
registerSamplingCommands(program);
registerAuditCommands(program);
registerReportCommands(program);
registerSupervisionCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // help and version exit 0; anything else is a usage error: bad input
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
