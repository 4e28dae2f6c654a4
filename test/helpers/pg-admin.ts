/** One statement on the PostgreSQL server at `url` in a connection of its own (create/drop database in the tests). */
import pg from 'pg';

export async function pgAdmin(url: string | undefined, statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}
