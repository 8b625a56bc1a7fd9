import { isDatabaseError, type Queryable } from '@justscale/driver';
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

  /** Whether the migration named `name` has its row. */
  async has(queryable: Queryable, name: string): Promise<boolean> {
    const { rows } = await queryable.query<{ found: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${this.ref} WHERE name = $1) AS found`,
      [name],
    );
    return rows[0]?.found === true;
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
   * Whether the table exists, whether it has `checksum`, and its rows (in the order applied), in one
   * round trip: the statement names the table, so when it does not exist PostgreSQL refuses it
   * (`undefined_table`), which says so. Run it outside a transaction (the refusal would abort one).
   */
  async read(queryable: Queryable): Promise<{ exists: boolean; checksum: boolean; rows: TrackingRow[] }> {
    let result: { rows: RawRow[] };
    try {
      result = await queryable.query<RawRow>(
        // One row even when the table is empty (the LEFT JOIN), so `has_checksum` is always read; a
        // table made by another tool may lack `checksum`, hence `to_jsonb`.
        `SELECT c.has_checksum, m.id, m.name, m.batch, m.applied_at, m.checksum
FROM (SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute
  WHERE attrelid = $1::pg_catalog.regclass AND attname = 'checksum' AND NOT attisdropped) AS has_checksum) AS c
LEFT JOIN LATERAL (SELECT m.id, m.name, m.batch, m.applied_at, pg_catalog.to_jsonb(m) ->> 'checksum' AS checksum
  FROM ${this.ref} AS m) AS m ON true
ORDER BY m.batch, m.id`,
        [this.ref],
      );
    } catch (error) {
      if (isDatabaseError(error) && error.code === '42P01')
        return { exists: false, checksum: false, rows: [] };
      throw error;
    }
    return {
      exists: true,
      checksum: result.rows[0]?.has_checksum === true,
      rows: result.rows.filter((row) => row.id !== null).map(trackingRow),
    };
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

/** A row as read: `has_checksum` only from `read`, every column null for its empty-table row. */
interface RawRow {
  has_checksum?: boolean;
  id: number;
  name: string;
  batch: number;
  applied_at: Date;
  checksum: string | null;
}

function trackingRow(row: RawRow): TrackingRow {
  return {
    id: Number(row.id),
    name: row.name,
    batch: Number(row.batch),
    appliedAt: row.applied_at,
    checksum: row.checksum,
  };
}
