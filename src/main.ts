/**
 * The composition root: the one place where the layers meet. The CLI gets the HTTP
 * server as a function, so neither imports the other (test/architecture.test.ts).
 */
import { runCli } from './cli/program.ts';
import { serve } from './http/serve.ts';

await runCli(process.argv, { serve });
