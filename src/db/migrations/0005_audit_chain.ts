/**
 * The audit trail becomes a hash chain (issue 4 item 6, docs/audit.md): every entry
 * gets a gapless `seq`, the previous entry's hash and its own,
 *   hash = sha256(prev_hash ‖ canonical JSON of {seq, at, actor, action, subject, before, after}),
 * and the one-row table audit_chain_head holds the last seq and hash (appends lock
 * it, so seq follows commit order and a rolled-back append leaves no gap).
 *
 * Existing entries are chained in id order; their timestamps are truncated to
 * milliseconds first, the precision the chain hashes. TRUNCATE is refused like
 * UPDATE and DELETE already are. Depends only on 0002 (audit_entries).
 */
import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { type ChainedEntry, canonicalEntry, GENESIS_HASH, type Json } from '../../domain/audit/chain.ts';

const PAGE = 1000;

interface OldRow {
  id: number;
  at: Date;
  actor: string;
  action: string;
  subject: string;
  before: Json | null;
  after: Json | null;
}

async function chainExistingEntries(db: Kysely<unknown>): Promise<{ seq: number; hash: string }> {
  await sql`alter table audit_entries disable trigger audit_entries_no_change`.execute(db);
  await sql`update audit_entries set at = date_trunc('milliseconds', at)`.execute(db);
  let seq = 0;
  let hash = GENESIS_HASH;
  let lastId = 0;
  for (;;) {
    const { rows } = await sql<OldRow>`
      select id, at, actor, action, subject, before, after from audit_entries
      where id > ${lastId} order by id limit ${PAGE}`.execute(db);
    if (rows.length === 0) break;
    const chained: Array<{ id: number; seq: number; prev_hash: string; hash: string }> = [];
    for (const r of rows) {
      seq += 1;
      const e: ChainedEntry = { ...r, seq, before: r.before ?? null, after: r.after ?? null };
      const next = createHash('sha256').update(hash).update(canonicalEntry(e)).digest('hex');
      chained.push({ id: r.id, seq, prev_hash: hash, hash: next });
      hash = next;
      lastId = r.id;
    }
    await sql`
      update audit_entries a set seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
      from jsonb_to_recordset(${JSON.stringify(chained)}::jsonb) as v(id bigint, seq bigint, prev_hash text, hash text)
      where a.id = v.id`.execute(db);
  }
  await sql`alter table audit_entries enable trigger audit_entries_no_change`.execute(db);
  return { seq, hash };
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('audit_entries')
    .addColumn('seq', 'bigint')
    .addColumn('prev_hash', 'text')
    .addColumn('hash', 'text')
    .execute();
  const head = await chainExistingEntries(db);
  await sql`
    alter table audit_entries
      alter column seq set not null,
      alter column prev_hash set not null,
      alter column hash set not null,
      add constraint audit_entries_seq_unique unique (seq),
      add constraint audit_entries_seq_positive check (seq > 0),
      add constraint audit_entries_hash_hex check (hash ~ '^[0-9a-f]{64}$' and prev_hash ~ '^[0-9a-f]{64}$')`.execute(
    db,
  );
  await db.schema.createIndex('audit_entries_subject_seq').on('audit_entries').columns(['subject', 'seq']).execute();
  await sql`
    create trigger audit_entries_no_truncate before truncate on audit_entries
    for each statement execute function audit_entries_append_only()`.execute(db);

  await db.schema
    .createTable('audit_chain_head')
    .addColumn('id', 'smallint', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into audit_chain_head (id, seq, hash) values (1, ${head.seq}, ${head.hash})`.execute(db);
  // the head only moves forward and is never removed
  await sql`
    create function audit_chain_head_forward() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' then
        if new.seq >= old.seq then
          return new;
        end if;
      end if;
      raise exception 'audit_chain_head only moves forward';
    end $$`.execute(db);
  await sql`
    create trigger audit_chain_head_forward before update or delete on audit_chain_head
    for each row execute function audit_chain_head_forward()`.execute(db);
  await sql`
    create trigger audit_chain_head_no_truncate before truncate on audit_chain_head
    for each statement execute function audit_chain_head_forward()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_chain_head').ifExists().execute();
  await sql`drop function if exists audit_chain_head_forward()`.execute(db);
  await sql`drop trigger if exists audit_entries_no_truncate on audit_entries`.execute(db);
  await db.schema.dropIndex('audit_entries_subject_seq').ifExists().execute();
  await sql`
    alter table audit_entries
      drop constraint if exists audit_entries_seq_unique,
      drop constraint if exists audit_entries_seq_positive,
      drop constraint if exists audit_entries_hash_hex,
      drop column if exists seq, drop column if exists prev_hash, drop column if exists hash`.execute(db);
}
