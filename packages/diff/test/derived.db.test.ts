import { type Dependency, objectsOnly, refKey, type Snapshot, snapshot } from '@justscale/schema';
import { createTestDatabase, type TestDatabase } from '@justscale/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dependenciesOf, structuralDependencies } from '../src/graph/derived.js';
import { indexObjects } from '../src/graph/objects.js';
import { read, resetDatabase } from './support/apply.js';

/**
 * The dependencies the differ derives for a snapshot built from models (no recorded ones), checked
 * against what PostgreSQL records for the same schema: carried over from the database for objects
 * that are the same on both sides, and for new ones structural (from the snapshot's data) or guessed
 * from expression text. Hostile names throughout: the guesses read deparsed, quoted SQL.
 */
const SCHEMA = `
CREATE TYPE "Mo""od" AS ENUM ('ok', 'sad');
CREATE SEQUENCE "a.b";
CREATE FUNCTION "Twice"(i integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT i * 2 $$;
CREATE TABLE "Mixed Case" (
  id integer PRIMARY KEY,
  "sel""ect" "Mo""od" NOT NULL DEFAULT 'ok',
  n bigint DEFAULT nextval('"a.b"'),
  m integer DEFAULT "Twice"(1),
  CONSTRAINT not_sad CHECK ("sel""ect" <> 'sad'::"Mo""od")
);
CREATE TABLE "select" (id integer PRIMARY KEY, parent integer REFERENCES "Mixed Case" (id));
CREATE INDEX select_parent ON "select" (parent);
CREATE INDEX select_twice ON "select" ("Twice"(id)) WHERE id > 0;
CREATE VIEW "ünïcödé" AS SELECT c.id, c."sel""ect" FROM "Mixed Case" AS c;
CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER t BEFORE INSERT ON "select" FOR EACH ROW EXECUTE FUNCTION trg();
CREATE POLICY p ON "select" USING (parent IN (SELECT "Mixed Case".id FROM "Mixed Case"));
`;

let db: TestDatabase;
let recorded: Snapshot;
/**
 * The recorded dependencies of the snapshot's objects. PostgreSQL 18 also records its NOT NULL
 * constraints (`contype = 'n'`), which the snapshot keeps as a column property, not a constraint.
 */
let edges: Dependency[];
beforeAll(async () => {
  db = await createTestDatabase({});
  await resetDatabase(db.driver);
  await db.driver.exec(SCHEMA);
  recorded = await read(db.driver, {});
  const objects = indexObjects(recorded);
  edges = (recorded.dependencies ?? []).filter((d) => objects.has(d.from));
});
afterAll(async () => {
  await db?.close();
});

const key = (d: Dependency): string => `${refKey(d.from)} -> ${refKey(d.on)}`;
const keys = (list: readonly Dependency[]): Set<string> => new Set(list.map(key));
const show = (d: Dependency): string => key(d).replaceAll('\u0000', ' ');

/**
 * The recorded edges a structural reading of the snapshot must find (no SQL text involved): a table
 * column's type, an index's plain key columns, a key's or foreign key's columns, a trigger's routine,
 * a sequence's owner. (A view's column types are not in the snapshot: they are carried over.)
 */
const structuralKinds =
  (s: Snapshot) =>
  (d: Dependency): boolean =>
    (d.from.kind === 'column' &&
      d.on.kind === 'type' &&
      s.tables.some((t) => t.schema === d.from.schema && t.name === d.from.name)) ||
    (d.from.kind === 'index' &&
      d.on.kind === 'column' &&
      s.indexes.some((i) => i.name === d.from.name && i.keys.some((k) => k.column === d.on.column))) ||
    (d.from.kind === 'trigger' && d.on.kind === 'function') ||
    (d.from.kind === 'constraint' &&
      d.on.kind === 'column' &&
      s.tables.some((t) =>
        t.constraints.some((k) => k.name === d.from.name && k.kind !== 'check' && k.kind !== 'exclusion'),
      )) ||
    (d.from.kind === 'sequence' && d.on.kind === 'column');

/** The recorded edges from expressions that the guesses (with the structural ones) must find. */
const guessedKinds = (d: Dependency): boolean =>
  ((d.from.kind === 'default' || d.from.kind === 'index' || d.from.kind === 'constraint') &&
    (d.on.kind === 'function' ||
      d.on.kind === 'type' ||
      d.on.kind === 'sequence' ||
      d.on.kind === 'column')) ||
  (d.from.kind === 'view' && (d.on.kind === 'column' || d.on.kind === 'table')) ||
  (d.from.kind === 'policy' && d.on.kind === 'table');

describe('dependencies derived for a snapshot built from models', () => {
  it('carries over every recorded edge of the objects that are the same on both sides', () => {
    const derived = dependenciesOf(objectsOnly(recorded), recorded);
    const hard = keys(derived.hard);
    expect(edges.length).toBeGreaterThan(10);
    expect(edges.filter((d) => !hard.has(key(d))).map(show)).toEqual([]);
    // Nothing left to guess: every object is the same as in the database.
    expect(derived.guessed.map(show)).toEqual([]);
  });

  it('finds what PostgreSQL records for columns, keys, indexes and triggers from the data alone', () => {
    const found = keys(structuralDependencies(objectsOnly(recorded)));
    const wanted = edges.filter(structuralKinds(recorded));
    expect(wanted.length).toBeGreaterThan(5);
    expect(wanted.filter((d) => !found.has(key(d))).map(show)).toEqual([]);
  });

  it('guesses what expressions read when nothing can be carried over', () => {
    // The other side is empty (a first migration): every object is new.
    const derived = dependenciesOf(objectsOnly(recorded), snapshot({}));
    const found = keys(derived.all);
    const wanted = edges.filter(guessedKinds);
    expect(wanted.map((d) => d.from.kind)).toEqual(
      expect.arrayContaining(['default', 'constraint', 'index', 'view', 'policy']),
    );
    expect(wanted.filter((d) => !found.has(key(d))).map(show)).toEqual([]);
  });
});
