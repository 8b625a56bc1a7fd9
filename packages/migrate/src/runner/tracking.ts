import type { Queryable } from '@justscale/driver';
import { quoteIdent, quoteLiteral } from '@justscale/sql/quote';
import type { Statement } from '../database/executor.js';

/** One row of the tracking table. */
export interface TrackingRow {
  readonly id: number;
  readonly name: string;
  readonly batch: number;
  readonly appliedAt: Date;
  /** sha256 of the file when it was applied; null for rows written by other tools. */
  readonly checksum: string | null;
}

/** The tracking table: the seed's columns plus `checksum`. Every name is quoted. */
export class TrackingTable {
  readonly schema: string;
  readonly table: string;
  /** `"public"."_migrations"`. */
  readonly ref: string;

  constructor(schema: string, table: string) {
    this.schema = schema;
    this.table = table;
    this.ref = `${quoteIdent(schema)}.${quoteIdent(table)}`;
  }

  get label(): string {
    return `${this.schema}.${this.table}`;
  }

  /** Creates the schema and table when missing, and adds `checksum` to a table made without it. */
  createStatements(): Statement[] {
    return [
      { sql: `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(this.schema)}`, params: [] },
      {
        sql: `CREATE TABLE IF NOT EXISTS ${this.ref} (
  id SERIAL PRIMARY KEY,
  name VARCHAR(255) NOT NULL UNIQUE,
  batch INTEGER NOT NULL,
  applied_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  checksum TEXT
)`,
        params: [],
      },
      { sql: `ALTER TABLE ${this.ref} ADD COLUMN IF NOT EXISTS checksum TEXT`, params: [] },
    ];
  }

  async exists(queryable: Queryable): Promise<boolean> {
    const { rows } = await queryable.query<{ found: boolean }>(
      'SELECT pg_catalog.to_regclass($1::pg_catalog.text) IS NOT NULL AS found',
      [this.ref],
    );
    return rows[0]?.found === true;
  }

  /** Whether the table exists and whether it has `checksum`, in one round trip. */
  async state(queryable: Queryable): Promise<{ exists: boolean; checksum: boolean }> {
    const { rows } = await queryable.query<{ found: boolean; checksum: boolean }>(
      `SELECT t.oid IS NOT NULL AS found, EXISTS (SELECT 1 FROM pg_catalog.pg_attribute
  WHERE attrelid = t.oid AND attname = 'checksum' AND NOT attisdropped) AS checksum
FROM (SELECT pg_catalog.to_regclass($1::pg_catalog.text) AS oid) AS t`,
      [this.ref],
    );
    return { exists: rows[0]?.found === true, checksum: rows[0]?.checksum === true };
  }

  async hasChecksum(queryable: Queryable): Promise<boolean> {
    const { rows } = await queryable.query<{ found: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute
  WHERE attrelid = pg_catalog.to_regclass($1::pg_catalog.text) AND attname = 'checksum' AND NOT attisdropped) AS found`,
      [this.ref],
    );
    return rows[0]?.found === true;
  }

  /**
   * Every row, in the order applied. Reads nothing when the table does not exist yet (unless `known`
   * says it does, with `checksum`: the caller has just made sure), and copes with a table without
   * `checksum` (made by another tool), so `status` never has to write.
   */
  async rows(queryable: Queryable, known?: { exists: true }): Promise<TrackingRow[]> {
    if (known === undefined && !(await this.exists(queryable))) return [];
    const { rows } = await queryable.query<{
      id: number;
      name: string;
      batch: number;
      applied_at: Date;
      checksum: string | null;
    }>(
      // A table made by another tool may lack `checksum` (read through to_jsonb); once `ensureTracking`
      // has added it (`known`), it is read as a column, which asks less of the server.
      `SELECT m.id, m.name, m.batch, m.applied_at, ${known === undefined ? "pg_catalog.to_jsonb(m) ->> 'checksum'" : 'm.checksum'} AS checksum
FROM ${this.ref} AS m ORDER BY m.batch, m.id`,
    );
    return rows.map((row) => ({
      id: Number(row.id),
      name: row.name,
      batch: Number(row.batch),
      appliedAt: row.applied_at,
      checksum: row.checksum,
    }));
  }

  insert(name: string, batch: number, checksum: string): Statement {
    return {
      sql: `INSERT INTO ${this.ref} (name, batch, checksum) VALUES ($1, $2, $3)`,
      params: [name, batch, checksum],
    };
  }

  delete(name: string): Statement {
    return { sql: `DELETE FROM ${this.ref} WHERE name = $1`, params: [name] };
  }

  /** `insert` with its values inlined, to be sent in one simple query with `COMMIT`. */
  insertInline(name: string, batch: number, checksum: string): string {
    return `INSERT INTO ${this.ref} (name, batch, checksum) VALUES (${quoteLiteral(name)}, ${quoteLiteral(batch)}, ${quoteLiteral(checksum)})`;
  }

  /** `delete` with its value inlined, to be sent in one simple query with `COMMIT`. */
  deleteInline(name: string): string {
    return `DELETE FROM ${this.ref} WHERE name = ${quoteLiteral(name)}`;
  }
}
