import { createTestDatabase, type TestDatabase } from '@justscale/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteIdent, quoteIdentLikePostgres, quoteLiteral, quoteLiteralLikePostgres } from '../src/index.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe('quoting as PostgreSQL prints it', () => {
  it('quotes identifiers exactly as quote_ident does', async () => {
    const words = (
      await db.driver.query<{ word: string }>('SELECT word FROM pg_catalog.pg_get_keywords()')
    ).rows.map((r) => r.word);
    const names = [
      ...words,
      'users',
      'UserStatus',
      'a"b',
      'a.b',
      'Mixed Case',
      'ünïcödé',
      '_x$1',
      '1abc',
      'x'.repeat(63),
    ];
    const { rows } = await db.driver.query<{ q: string[] }>(
      'SELECT pg_catalog.array_agg(pg_catalog.quote_ident(n) ORDER BY i) AS q FROM pg_catalog.unnest($1::text[]) WITH ORDINALITY AS u(n, i)',
      [names],
    );
    // Keywords added after PostgreSQL 15 are quoted by this package on every version.
    const newer = new Set([
      'json',
      'json_array',
      'json_arrayagg',
      'json_exists',
      'json_object',
      'json_objectagg',
      'json_query',
      'json_scalar',
      'json_serialize',
      'json_table',
      'json_value',
      'merge_action',
      'system_user',
    ]);
    const ours = names.map(quoteIdentLikePostgres);
    const differ = names.filter((_n, i) => ours[i] !== rows[0]!.q[i]);
    expect(differ.filter((n) => !newer.has(n))).toEqual([]);
    const { major } = await db.driver.serverVersion();
    if (major >= 17) expect(differ).toEqual([]);
    expect(ours.filter((q) => q.startsWith('"')).length).toBeGreaterThan(50);
  });

  it('prints string literals as pg_get_expr prints a default', async () => {
    const values = ["it's", 'a\\b', "''", '', 'ünïcödé', 'a"b', 'line\nbreak'];
    const columns = values.map((v, i) => `${quoteIdent(`c${i}`)} text DEFAULT ${quoteLiteral(v)}`);
    await db.driver.exec(`CREATE TABLE public.printed_literals (${columns.join(', ')})`);
    const { rows } = await db.driver.query<{ printed: string }>(
      `SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS printed FROM pg_catalog.pg_attrdef d
       WHERE d.adrelid = 'public.printed_literals'::pg_catalog.regclass ORDER BY d.adnum`,
    );
    expect(rows.map((r) => r.printed)).toEqual(values.map((v) => `${quoteLiteralLikePostgres(v)}::text`));
  });
});
