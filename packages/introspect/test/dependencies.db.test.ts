import { type Dependency, objectRef, refKey, snapshotsEqual } from '@justscale/schema';
import { describe, expect, it } from 'vitest';
import { introspect, snapshotHash } from '../src/index.js';
import { TRANSACTION_SETUP } from '../src/introspect.js';
import { mapDependency } from '../src/map/dependencies.js';
import { loadQuery } from '../src/queries.js';
import { HOSTILE, q, useDatabase } from './helpers.js';

const { dot, mixed, quote, keyword } = HOSTILE;
const s = q(dot);
const t = q(mixed);

// Every kind of dependent the snapshot records, with hostile names, in a schema of its own.
const ctx = useDatabase(`
  CREATE SCHEMA ${s};
  CREATE SEQUENCE ${s}.seq;
  CREATE TYPE ${s}.mood AS ENUM ('a', 'b');
  CREATE TABLE ${s}.${t} (
    id int PRIMARY KEY DEFAULT nextval('${s.replaceAll("'", "''")}.seq'),
    ${q(keyword)} int CHECK (${q(keyword)} > 0),
    m ${s}.mood,
    moods ${s}.mood[]
  );
  CREATE TABLE ${s}.child (id int REFERENCES ${s}.${t}, x int);
  CREATE VIEW ${s}.${q(quote)} AS SELECT id, ${q(keyword)} FROM ${s}.${t};
  CREATE VIEW ${s}.over AS SELECT id FROM ${s}.${q(quote)};
  CREATE FUNCTION ${s}.counted(x int) RETURNS bigint LANGUAGE sql RETURN x + (SELECT count(*) FROM ${s}.child);
  CREATE FUNCTION ${s}.by_row(r ${s}.${t}) RETURNS int LANGUAGE sql AS 'SELECT 1';
  CREATE FUNCTION ${s}.plpg() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
  CREATE INDEX plus_one ON ${s}.${t} ((${q(keyword)} + 1)) WHERE m IS NOT NULL;
  ALTER TABLE ${s}.${t} ENABLE ROW LEVEL SECURITY;
  CREATE POLICY pol ON ${s}.${t} USING (${s}.counted(${q(keyword)}) > 0);
  CREATE TRIGGER trg BEFORE INSERT ON ${s}.${t} FOR EACH ROW EXECUTE FUNCTION ${s}.plpg();
  CREATE RULE note AS ON INSERT TO ${s}.child DO ALSO NOTIFY child;
  CREATE TYPE ${s}.pair AS (a int, b ${s}.${t});
`);

const deps = (): readonly Dependency[] => ctx.snapshot.dependencies ?? [];
const has = (from: Dependency['from'], on: Dependency['on']): boolean =>
  deps().some((d) => JSON.stringify(d) === JSON.stringify({ from, on }));

describe('dependencies read from pg_depend', () => {
  const table = objectRef('table', dot, mixed);
  const col = (name: string, table: string = mixed) => objectRef('column', dot, table, { column: name });

  it('names a view by the columns it reads, and a view on a view by that view', () => {
    expect(has(objectRef('view', dot, quote), col('id'))).toBe(true);
    expect(has(objectRef('view', dot, quote), col(keyword))).toBe(true);
    expect(has(objectRef('view', dot, 'over'), col('id', quote))).toBe(true);
  });

  it('names a default by its sequence, a check and an index by their columns', () => {
    expect(has(objectRef('default', dot, mixed, { column: 'id' }), objectRef('sequence', dot, 'seq'))).toBe(
      true,
    );
    expect(
      has(objectRef('constraint', dot, `${mixed}_${keyword}_check`, { table: mixed }), col(keyword)),
    ).toBe(true);
    expect(has(objectRef('index', dot, 'plus_one'), col(keyword))).toBe(true);
    expect(has(objectRef('index', dot, 'plus_one'), col('m'))).toBe(true);
  });

  it('names a foreign key by the key it references, an index that backs a constraint by the constraint', () => {
    expect(
      has(
        objectRef('constraint', dot, 'child_id_fkey', { table: 'child' }),
        objectRef('constraint', dot, `${mixed}_pkey`, { table: mixed }),
      ),
    ).toBe(true);
  });

  it('names a policy, a trigger and a rule by what they use', () => {
    const counted = objectRef('function', dot, 'counted', { arguments: 'x integer' });
    expect(has(objectRef('policy', dot, 'pol', { table: mixed }), counted)).toBe(true);
    expect(
      has(
        objectRef('trigger', dot, 'trg', { table: mixed }),
        objectRef('function', dot, 'plpg', { arguments: '' }),
      ),
    ).toBe(true);
    expect(has(objectRef('rule', dot, 'note', { table: 'child' }), objectRef('table', dot, 'child'))).toBe(
      true,
    );
  });

  it('names a SQL-standard body by what it reads, a row-type argument by its table, an array by its element', () => {
    expect(
      has(
        objectRef('function', dot, 'counted', { arguments: 'x integer' }),
        objectRef('table', dot, 'child'),
      ),
    ).toBe(true);
    expect(has(objectRef('function', dot, 'by_row', { arguments: `r ${s}.${t}` }), table)).toBe(true);
    expect(has(col('moods'), objectRef('type', dot, 'mood'))).toBe(true);
    expect(has(objectRef('type', dot, 'pair'), table)).toBe(true);
  });

  it('records nothing for a string body, nothing on itself, and no OIDs', () => {
    expect(deps().some((d) => d.from.kind === 'function' && d.from.name === 'plpg')).toBe(false);
    expect(deps().some((d) => JSON.stringify(d.from) === JSON.stringify(d.on))).toBe(false);
    expect(JSON.stringify(deps())).not.toMatch(/oid/i);
  });

  it('comes from the query in the order the snapshot keeps (code units, absent fields first)', async () => {
    const keys = await ctx.db.driver.transaction(async (tx) => {
      await tx.exec(TRANSACTION_SETUP.join('; '));
      const { rows: ns } = await tx.query<{ oids: string }>(
        `SELECT pg_catalog.string_agg(oid::text, ',') AS oids FROM pg_catalog.pg_namespace WHERE nspname = $1`,
        [dot],
      );
      const major = Math.floor((await ctx.db.driver.serverVersion()).num / 10000);
      const { rows } = await tx.query(loadQuery('dependencies', major), [ns[0]?.oids]);
      return rows.map((row) => {
        const d = mapDependency(row);
        return `${refKey(d.from)}\u0001${refKey(d.on)}`;
      });
    });
    expect(keys.length).toBe(deps().length);
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('takes no part in equality or the hash', async () => {
    const again = await introspect(ctx.db.driver);
    const { dependencies: _, ...objects } = again;
    expect(objects).not.toHaveProperty('dependencies');
    expect(snapshotsEqual(objects, ctx.snapshot)).toBe(true);
    expect(snapshotHash(objects)).toBe(snapshotHash(ctx.snapshot));
    expect(again.dependencies).toEqual(ctx.snapshot.dependencies);
  });
});
