/** patuh sample candidates / draw / show / verify */
import type { Command } from 'commander';
import { parseYear } from '../services/cycles.ts';
import { drawEntitySample } from '../services/sampling/draw-sample.ts';
import { importCandidates } from '../services/sampling/import-candidates.ts';
import type { SampleView } from '../services/sampling/present.ts';
import { showEntitySample } from '../services/sampling/show-sample.ts';
import { verifySamples } from '../services/sampling/verify-samples.ts';
import { printJson, withContext } from './runtime.ts';

function printSample(s: SampleView): void {
  console.log(`${s.entity.name} (${s.entity.code}) — sample ${s.cycle}, seed "${s.seed}", ${s.algorithm}`);
  for (const u of s.units) {
    console.log(`  ${u.kind.padEnd(18)} ${u.name}`);
    console.log(`  ${''.padEnd(18)}   products: ${u.products.length ? u.products.join('; ') : '-'}`);
    console.log(`  ${''.padEnd(18)}   service users: ${u.respondents.map((r) => r.slot).join(' ') || '-'}`);
  }
  for (const f of s.shortfalls) {
    console.log(
      f.unit === null
        ? `  shortfall: ${f.kind} — ${f.available} of ${f.required} units available, all taken`
        : `  shortfall: ${f.unit} — ${f.available} of ${f.required} products available, all taken`,
    );
  }
}

export function registerSamplingCommands(program: Command): void {
  const sample = program
    .command('sample')
    .description('reproducible sampling of units, products and service-user respondents (docs/sampling.md)');

  sample
    .command('candidates <file>')
    .description(
      "import candidate units: columns entity,unit,kind,product (one row per product; replaces each entity's list)",
    )
    .requiredOption('--cycle <year>', 'cycle year or assessment code')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, o: { cycle: string; json?: boolean }) =>
      withContext(async ({ ctx }) => {
        const r = await importCandidates(ctx, file, parseYear(o.cycle));
        if (o.json) return printJson(r);
        console.log(
          `imported ${r.units} candidate units with ${r.products} products for ${r.entities} entities into ${r.cycle} (${r.replaced} lists replaced)`,
        );
        if (r.sampled.length > 0) {
          console.log(
            `already sampled, now drawn from a different list: ${r.sampled.map((e) => e.name).join(', ')} (redraw with --redraw if intended)`,
          );
        }
      }, o.json),
    );

  sample
    .command('draw')
    .description(
      "draw an entity's sample from its candidates with a seed, store it, and add the chosen units to the cycle",
    )
    .requiredOption('--cycle <year>', 'cycle year or assessment code')
    .requiredOption('--entity <name>', 'entity name, alias or code')
    .requiredOption('--seed <seed>', 'the seed: the same seed always gives the same sample')
    .option('--redraw', 'replace a sample drawn before')
    .option('--json', 'print JSON')
    .action(async (o: { cycle: string; entity: string; seed: string; redraw?: boolean; json?: boolean }) =>
      withContext(async ({ ctx }) => {
        const r = await drawEntitySample(ctx, {
          year: parseYear(o.cycle),
          entity: o.entity,
          seed: o.seed,
          redraw: o.redraw === true,
          by: 'cli',
        });
        if (r.replaced) {
          const gone = r.replaced.unitsNoLongerSampled;
          process.stderr.write(
            `replaced the sample drawn by ${r.replaced.drawnBy} at ${r.replaced.drawnAt} with seed "${r.replaced.seed}"${
              gone.length ? `; no longer sampled (still units of the cycle): ${gone.join(', ')}` : ''
            }\n`,
          );
        }
        if (o.json) return printJson(r);
        printSample(r);
      }, o.json),
    );

  sample
    .command('show')
    .description("an entity's stored sample")
    .requiredOption('--cycle <year>', 'cycle year or assessment code')
    .requiredOption('--entity <name>', 'entity name, alias or code')
    .option('--json', 'print JSON')
    .action(async (o: { cycle: string; entity: string; json?: boolean }) =>
      withContext(async ({ ctx }) => {
        const s = await showEntitySample(ctx, parseYear(o.cycle), o.entity);
        if (o.json) return printJson(s);
        printSample(s);
        console.log(`  drawn by ${s.drawnBy} at ${s.drawnAt}`);
      }, o.json),
    );

  sample
    .command('verify')
    .description('draw every stored sample of a cycle again; exit 1 naming those that differ')
    .requiredOption('--cycle <year>', 'cycle year or assessment code')
    .option('--json', 'print JSON')
    .action(async (o: { cycle: string; json?: boolean }) =>
      withContext(async ({ ctx }) => {
        const r = await verifySamples(ctx, parseYear(o.cycle));
        if (!r.ok) process.exitCode = 1;
        if (o.json) return printJson(r);
        console.log(`${r.checked} samples checked, ${r.matching} match their redraw`);
        for (const d of r.differing) console.log(`DIFFERS  ${d.entity.name} (${d.entity.code}): ${d.reason}`);
        for (const e of r.candidatesChanged)
          console.log(`note: candidates changed since the draw: ${e.name} (${e.code})`);
        for (const e of r.ruleChanged) console.log(`note: sampling rule changed since the draw: ${e.name} (${e.code})`);
      }, o.json),
    );
}
