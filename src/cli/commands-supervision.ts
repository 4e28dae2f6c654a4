/** patuh products … (the supervision product register) / award hold|release / vertical-offices */
import type { Command } from 'commander';
import {
  PRODUCT_KINDS,
  parseProductKind,
  parseProductStatus,
  parseRegisterDate,
} from '../domain/supervision/qualifier.ts';
import { AppError } from '../errors.ts';
import { SYSTEM } from '../services/auth/principal.ts';
import { parseYear } from '../services/cycles.ts';
import { importProducts } from '../services/imports/import-products.ts';
import { holdAward, releaseAward } from '../services/supervision/award-holds.ts';
import {
  addProduct,
  changeProduct,
  listSupervisionProducts,
  type ProductFields,
  removeProduct,
} from '../services/supervision/products.ts';
import { rankVerticalOffices } from '../services/vertical-offices.ts';
import { printJson, withContext } from './runtime.ts';

interface ProductOptions {
  entity: string;
  kind: string;
  number: string;
  issued: string;
  due: string;
  status: string;
  evidence?: string;
  note?: string;
}

function fields(o: ProductOptions): ProductFields {
  const kind = parseProductKind(o.kind);
  const status = parseProductStatus(o.status);
  const issuedOn = parseRegisterDate(o.issued);
  const dueOn = parseRegisterDate(o.due);
  const problems = [
    kind ? null : `--kind must be one of ${PRODUCT_KINDS.join(', ')} (or LAHP, Tindakan Korektif, …), got "${o.kind}"`,
    status ? null : `--status must be belum, proses or selesai, got "${o.status}"`,
    issuedOn ? null : `--issued must be a date (2026-03-31), got "${o.issued}"`,
    dueOn ? null : `--due must be a date (2026-03-31), got "${o.due}"`,
  ].filter((x): x is string => x !== null);
  if (problems.length > 0 || !kind || !status || !issuedOn || !dueOn)
    throw new AppError('VALIDATION_FAILED', problems.join('; '), { problems });
  return {
    entity: o.entity,
    kind,
    number: o.number,
    issuedOn,
    dueOn,
    status,
    evidenceHashes: (o.evidence ?? '')
      .split(/[;,]/)
      .map((h) => h.trim())
      .filter(Boolean),
    note: o.note ?? null,
  };
}

function productOptions(c: Command): Command {
  return c
    .requiredOption('--entity <name>', 'entity name, alias or code')
    .requiredOption('--kind <kind>', 'lahp | lha | saran_penyempurnaan | rekomendasi')
    .requiredOption('--number <number>', "the product's number")
    .requiredOption('--issued <date>', 'issue date, 2026-03-31')
    .requiredOption('--due <date>', 'due date, 2026-06-30')
    .requiredOption('--status <status>', 'belum | proses | selesai')
    .option('--evidence <hashes>', 'SHA-256 evidence hashes, separated by ;')
    .option('--note <text>', 'a note');
}

function parseId(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new AppError('VALIDATION_FAILED', `"${text}" is not a product id`);
  return n;
}

export function registerSupervisionCommands(program: Command): void {
  const products = program
    .command('products')
    .description("the register of the Ombudsman's supervision products (the qualifier Tanpa Maladministrasi)");
  products
    .command('import <file>')
    .description('import products: entity,kind,number,issued_on,due_on,status (optional evidence, note, level)')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, o: { json?: boolean }) =>
      withContext(async ({ ctx }) => {
        const r = await importProducts(ctx, SYSTEM, file);
        if (o.json) return printJson(r);
        console.log(`imported ${r.products} supervision products; results re-stored`);
      }, o.json),
    );
  products
    .command('list')
    .option('--entity <name>', 'only this entity')
    .option('--json', 'print JSON')
    .action(async (o: { entity?: string; json?: boolean }) =>
      withContext(async ({ ctx }) => {
        const rows = await listSupervisionProducts(ctx, SYSTEM, o.entity);
        if (o.json) return printJson(rows);
        for (const r of rows)
          console.log(`${String(r.id).padStart(5)}  ${r.kind.padEnd(19)} ${r.number}  due ${r.dueOn}  ${r.status}`);
      }, o.json),
    );
  productOptions(products.command('add').description('add (or replace, by entity, kind and number) a product')).action(
    async (o: ProductOptions) =>
      withContext(async ({ ctx }) => {
        const r = await addProduct(ctx, SYSTEM, fields(o));
        console.log(`product ${r.id}: ${r.number} (${r.kind}), ${r.status}`);
      }),
  );
  productOptions(products.command('update <id>').description('change a product')).action(
    async (id: string, o: ProductOptions) =>
      withContext(async ({ ctx }) => {
        const r = await changeProduct(ctx, SYSTEM, parseId(id), fields(o));
        console.log(`product ${r.id}: ${r.number} (${r.kind}), ${r.status}`);
      }),
  );
  products.command('remove <id>').action(async (id: string) =>
    withContext(async ({ ctx }) => {
      await removeProduct(ctx, SYSTEM, parseId(id));
      console.log(`product ${id} removed`);
    }),
  );

  const award = program.command('award').description('withhold or release a report card and certificate (from 2023)');
  award
    .command('hold')
    .requiredOption('--cycle <year>', 'cycle year')
    .requiredOption('--entity <name>', 'entity name, alias or code')
    .option('--unit <name>', "one unit's certificate")
    .requiredOption('--reason <text>', 'why (e.g. which products are not carried out)')
    .action(async (o: { cycle: string; entity: string; unit?: string; reason: string }) =>
      withContext(async ({ ctx }) => {
        const target = { year: parseYear(o.cycle), entity: o.entity, ...(o.unit ? { unit: o.unit } : {}) };
        await holdAward(ctx, SYSTEM, target, o.reason);
        console.log(`award of ${o.unit ?? o.entity} for ${o.cycle} withheld (ditahan); the score stands`);
      }),
    );
  award
    .command('release')
    .requiredOption('--cycle <year>', 'cycle year')
    .requiredOption('--entity <name>', 'entity name, alias or code')
    .option('--unit <name>', "one unit's certificate")
    .action(async (o: { cycle: string; entity: string; unit?: string }) =>
      withContext(async ({ ctx }) => {
        const target = { year: parseYear(o.cycle), entity: o.entity, ...(o.unit ? { unit: o.unit } : {}) };
        await releaseAward(ctx, SYSTEM, target);
        console.log(`award of ${o.unit ?? o.entity} for ${o.cycle} released`);
      }),
    );

  program
    .command('vertical-offices')
    .description('the vertical offices of a province (Polres, Kantor Pertanahan, …), ranked')
    .requiredOption('--cycle <year>', 'cycle year')
    .requiredOption('--province <code>', 'province code, e.g. 74')
    .option('--json', 'print JSON')
    .action(async (o: { cycle: string; province: string; json?: boolean }) =>
      withContext(async ({ ctx }) => {
        const r = await rankVerticalOffices(ctx, SYSTEM, parseYear(o.cycle), o.province.trim());
        if (o.json) return printJson(r);
        for (const x of r.rows)
          console.log(
            `${String(x.rank).padStart(4)}  ${x.score.toFixed(2).padStart(6)}  ${x.unit.name} (${x.parent.name})`,
          );
      }, o.json),
    );
}
