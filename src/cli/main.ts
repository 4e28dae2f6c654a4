/** The `patuh` command line: a thin shell over the services. */
import { CommanderError } from 'commander';
import { buildProgram } from './program.ts';

const program = buildProgram();

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
