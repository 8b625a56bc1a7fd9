import pg from 'pg';

/** A database of its own on a server, and how to drop it. */
export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates a fresh database on the server `adminUrl` names (a user who may create databases), for a
 * journey that must not see anything else.
 *
 * @example
 * const db = await scratchDatabase(process.env.DATABASE_URL!); try { ... } finally { await db.drop(); }
 */
export async function scratchDatabase(adminUrl: string): Promise<ScratchDatabase> {
  const name = `justscale_pack_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
