/** patuh user create / reset-password / list, patuh token create: accounts without a mail server. */
import { type Command, Option } from 'commander';
import { ROLES, type Role, scopeKindOf } from '../domain/access/roles.ts';
import { AppError } from '../errors.ts';
import { presentUser } from '../present/users.ts';
import { createUser, normalizeEmail } from '../services/auth/create-user.ts';
import { listUsers, userIdByEmail } from '../services/auth/list-users.ts';
import { createToken } from '../services/auth/manage-tokens.ts';
import { SYSTEM } from '../services/auth/principal.ts';
import { resetPassword } from '../services/auth/update-user.ts';
import type { ServiceContext } from '../services/context.ts';
import { loadResolver, resolveOrThrow } from '../services/registry/registry.ts';
import { printJson, reportError, withContext } from './runtime.ts';

/** The password from stdin, without its final line break; never from an argument (it would land in shell history). */
async function readPassword(enabled: boolean | undefined): Promise<string> {
  if (!enabled)
    throw new AppError(
      'VALIDATION_FAILED',
      'give the password on stdin: add --password-stdin (e.g. echo "$PW" | patuh …)',
    );
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (!password) throw new AppError('VALIDATION_FAILED', 'stdin was empty: pipe the password in');
  return password;
}

/** --entity NAME / --office PROVINCE (name or code) → the codes the services take. */
async function scopeCodes(ctx: ServiceContext, role: Role, o: { entity?: string; office?: string }) {
  const resolver = await loadResolver(ctx);
  const kind = scopeKindOf(role);
  if (o.entity && kind !== 'entity')
    throw new AppError('VALIDATION_FAILED', `--entity is only for entity_official, not ${role}`);
  if (o.office && kind !== 'office')
    throw new AppError('VALIDATION_FAILED', `--office is only for office_head and assessor, not ${role}`);
  if (kind === 'entity' && !o.entity)
    throw new AppError('VALIDATION_FAILED', `${role} needs --entity NAME (e.g. "Kota Bekasi")`);
  if (kind === 'office' && !o.office)
    throw new AppError('VALIDATION_FAILED', `${role} needs --office PROVINCE (e.g. "Jawa Barat" or 32)`);
  return {
    entity: o.entity ? resolveOrThrow(resolver, o.entity).code : undefined,
    office: o.office ? resolveOrThrow(resolver, o.office, 'provinsi').code : undefined,
  };
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('accounts: create, reset a password, list');
  user
    .command('create')
    .description('create a user; the password is read from stdin')
    .requiredOption('--email <email>', 'sign-in email')
    .addOption(new Option('--role <role>', 'role').choices(ROLES).makeOptionMandatory())
    .option('--entity <name>', 'entity_official: the entity (name, alias or code, e.g. "Kota Bekasi")')
    .option(
      '--office <province>',
      'office_head, assessor: the province of the regional office (name or code, e.g. "Jawa Barat" or 32)',
    )
    .option('--name <name>', 'display name (default: the part of the email before @)')
    .option('--password-stdin', 'read the password from stdin')
    .option('--json', 'print JSON')
    .action(
      async (o: {
        email: string;
        role: Role;
        entity?: string;
        office?: string;
        name?: string;
        passwordStdin?: boolean;
        json?: boolean;
      }) => {
        let password: string;
        try {
          password = await readPassword(o.passwordStdin);
        } catch (e) {
          process.exitCode = reportError(e, o.json ?? false);
          return;
        }
        await withContext(async ({ ctx }) => {
          const scope = await scopeCodes(ctx, o.role, o);
          const u = await createUser(ctx, SYSTEM, {
            email: o.email,
            name: o.name ?? null,
            role: o.role,
            password,
            ...scope,
          });
          if (o.json) return printJson(presentUser(u));
          const where = u.entity ? ` for ${u.entity.name}` : u.office ? ` at ${u.office.name}` : '';
          console.log(`created ${u.role} ${u.email}${where}`);
        }, o.json);
      },
    );

  user
    .command('reset-password')
    .description('set a new password (read from stdin); also ends a lockout and signs the user out everywhere')
    .requiredOption('--email <email>', 'sign-in email')
    .option('--password-stdin', 'read the password from stdin')
    .option('--json', 'print JSON')
    .action(async (o: { email: string; passwordStdin?: boolean; json?: boolean }) => {
      let password: string;
      try {
        password = await readPassword(o.passwordStdin);
      } catch (e) {
        process.exitCode = reportError(e, o.json ?? false);
        return;
      }
      await withContext(async ({ ctx }) => {
        const u = await resetPassword(ctx, SYSTEM, o.email, password);
        if (o.json) return printJson(presentUser(u));
        console.log(`new password set for ${u.email}; its sessions were ended`);
      }, o.json);
    });

  user
    .command('list')
    .description('every user with role, scope and state')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) =>
      withContext(async ({ ctx }) => {
        const page = await listUsers(ctx, SYSTEM, { page: 1, pageSize: 1_000_000 });
        if (o.json) return printJson(page.rows.map(presentUser));
        for (const u of page.rows) {
          const scope = u.entity?.name ?? u.office?.name ?? '';
          console.log(`${u.email.padEnd(36)} ${u.role.padEnd(16)} ${u.active ? 'active  ' : 'inactive'} ${scope}`);
        }
      }, o.json),
    );

  const token = program.command('token').description('API tokens for machine clients');
  token
    .command('create')
    .description('create an API token with the user’s role and scope; it is printed once')
    .requiredOption('--email <email>', 'the user the token acts for')
    .requiredOption('--name <name>', 'what the token is for (e.g. the client that uses it)')
    .option('--days <days>', 'days until it expires (1–365)', '90')
    .option('--json', 'print JSON')
    .action(async (o: { email: string; name: string; days: string; json?: boolean }) =>
      withContext(async ({ ctx }) => {
        const ownerId = await userIdByEmail(ctx, normalizeEmail(o.email));
        const days = Number(o.days);
        const { token: secret, view } = await createToken(ctx, SYSTEM, {
          name: o.name,
          ownerId,
          expiresInDays: days,
        });
        if (o.json)
          return printJson({
            id: view.id,
            name: view.name,
            role: view.role,
            expiresAt: view.expiresAt.toISOString(),
            token: secret,
          });
        console.log(
          `token ${view.id} "${view.name}" for ${normalizeEmail(o.email)} (${view.role}), expires ${view.expiresAt.toISOString().slice(0, 10)}`,
        );
        console.log('it is shown only now; send it as: Authorization: Bearer <token>');
        console.log(secret);
      }, o.json),
    );
}
