import {
  addColumn,
  addConstraint,
  addEnumValue,
  alterPolicy,
  alterSequence,
  builtinType,
  column,
  createIndex,
  createTrigger,
  createView,
  detachPartition,
  dropColumn,
  dropIndex,
  type ForeignKeyConstraint,
  HAZARD_KINDS,
  type HazardKind,
  index,
  type Operation,
  raw,
  refreshMaterializedView,
  table,
} from '@justscale/schema';
import { describe, expect, it } from 'vitest';
import {
  compile,
  compileAll,
  InvalidOperationError,
  InvalidSqlFragmentError,
  IrreversibleOperationError,
  invert,
  UnsupportedByServerError,
} from '../src/index.js';
import { fixture, plainNames } from './base.js';
import { allCases } from './cases.js';

const f = fixture(plainNames);
const notes = f.q('notes');
const kinds = (op: Operation, serverVersion?: number): HazardKind[][] =>
  compile(op, serverVersion === undefined ? {} : { serverVersion }).map((s) => s.hazards.map((h) => h.kind));

describe('compile options: serverVersion', () => {
  const nnd = createIndex(
    index({ ...f.q('i'), table: 'notes', unique: true, nullsNotDistinct: true, keys: [{ column: 'id' }] }),
  );

  it.each([
    ['NULLS NOT DISTINCT', nnd, 150000],
    [
      'DETACH PARTITION CONCURRENTLY',
      detachPartition(f.q('events'), f.q('events_2024'), { concurrently: true }),
      140000,
    ],
    ['CREATE OR REPLACE TRIGGER', createTrigger(f.trigger, { orReplace: true }), 140000],
    ['security_invoker views', createView({ ...f.view, securityInvoker: true }), 150000],
  ] as const)('%s has a minimum server version', (_feature, op, version) => {
    expect(() => compile(op, { serverVersion: version - 10000 })).toThrow(UnsupportedByServerError);
    expect(() => compile(op, { serverVersion: version })).not.toThrow();
    // A bare major is accepted too.
    expect(() => compile(op, { serverVersion: version / 10000 - 1 })).toThrow(UnsupportedByServerError);
  });

  it('makes ADD VALUE non-transactional before PostgreSQL 12', () => {
    const op = addEnumValue(f.q('status'), 'x');
    expect(compile(op, { serverVersion: 110000 })[0]).toMatchObject({ transactional: false });
    expect(kinds(op, 110000)[0]).toContain('not-transactional');
    expect(compile(op, { serverVersion: 120000 })[0]).toMatchObject({ transactional: true });
    expect(kinds(op, 120000)[0]).toEqual(['enum-value-uncommitted']);
  });

  it('spells EXECUTE PROCEDURE before PostgreSQL 11', () => {
    expect(compile(createTrigger(f.trigger), { serverVersion: 100000 })[0]?.sql).toContain(
      'EXECUTE PROCEDURE',
    );
    expect(compile(createTrigger(f.trigger))[0]?.sql).toContain('EXECUTE FUNCTION');
  });
});

describe('hazards', () => {
  it('are all from the closed set, with a message', () => {
    for (const c of allCases(f)) {
      for (const s of compile(c.op)) {
        for (const h of s.hazards) {
          expect(HAZARD_KINDS).toContain(h.kind);
          expect(h.message.length).toBeGreaterThan(10);
        }
      }
    }
  });

  it.each([
    ['dropping a column', dropColumn(notes, 'body'), ['deletes-data', 'access-exclusive-lock']],
    [
      'a CASCADE drop',
      dropColumn(notes, 'body', { cascade: true }),
      ['deletes-data', 'access-exclusive-lock', 'drops-dependents'],
    ],
    ['a plain index build', createIndex(f.notesIndex), ['builds-index', 'blocks-writes']],
    [
      'a concurrent index build',
      createIndex(f.notesIndex, { concurrently: true }),
      ['builds-index', 'not-transactional'],
    ],
    ['a concurrent index drop', dropIndex(f.notesIndex, { concurrently: true }), ['not-transactional']],
    [
      'a validated check',
      addConstraint(notes, f.users.constraints[1]!),
      ['access-exclusive-lock', 'validates-by-scan', 'may-fail-on-existing-data'],
    ],
    [
      'a NOT VALID check',
      addConstraint(notes, f.users.constraints[1]!, { notValid: true }),
      ['access-exclusive-lock'],
    ],
    ['a refresh', refreshMaterializedView(f.q('user_counts')), ['access-exclusive-lock']],
    ['a concurrent refresh', refreshMaterializedView(f.q('user_counts'), { concurrently: true }), []],
  ] as const)('of %s', (_label, op, expected) => {
    expect(kinds(op)[0]).toEqual(expected);
  });

  it('flag a rewrite for a volatile default, not for a stable one', () => {
    const add = (d: string) =>
      compile(addColumn(notes, column({ name: 'x', type: builtinType('uuid'), default: d })));
    expect(add('gen_random_uuid()')[0]?.hazards.map((h) => h.kind)).toContain('rewrites-table');
    expect(add('now()')[0]?.hazards.map((h) => h.kind)).not.toContain('rewrites-table');
  });

  it('say when a re-created object lost its data', () => {
    const inverse = invert(dropColumn(notes, 'body'), f.snapshot);
    const statements = compileAll(inverse);
    expect(statements[0]?.hazards.find((h) => h.kind === 'deletes-data')?.message).toMatch(/data stays lost/);
  });

  it('of raw SQL are the declared ones, plus not-transactional when it is not', () => {
    expect(
      compile(raw('SELECT 1', { hazards: [{ kind: 'irreversible', message: 'Cannot be undone, really' }] })),
    ).toEqual([
      {
        sql: 'SELECT 1',
        transactional: true,
        hazards: [{ kind: 'irreversible', message: 'Cannot be undone, really' }],
      },
    ]);
    expect(kinds(raw('VACUUM', { transactional: false }))[0]).toEqual(['not-transactional']);
  });
});

describe('invalid operations are typed errors', () => {
  it.each([
    [
      'NOT VALID on a primary key',
      addConstraint(notes, f.teams.constraints[0]!, { notValid: true }),
      InvalidOperationError,
    ],
    [
      'DROP INDEX CONCURRENTLY CASCADE',
      dropIndex(f.notesIndex, { concurrently: true, cascade: true }),
      InvalidOperationError,
    ],
    ['OR REPLACE on a materialized view', createView(f.matview, { orReplace: true }), InvalidOperationError],
    [
      'REFRESH CONCURRENTLY WITH NO DATA',
      refreshMaterializedView(f.q('user_counts'), { concurrently: true, withData: false }),
      InvalidOperationError,
    ],
    ['an empty ALTER SEQUENCE', alterSequence(f.q('counter'), {}), InvalidOperationError],
    ['an empty ALTER POLICY', alterPolicy(notes, 'p', {}), InvalidOperationError],
    [
      'an index without keys',
      createIndex(index({ ...f.q('i'), table: 'notes', keys: [] })),
      InvalidOperationError,
    ],
    [
      'a storage parameter that is not a name',
      createIndex(
        index({ ...f.q('i'), table: 'notes', keys: [{ column: 'id' }], options: { 'x) WITH (y': '1' } }),
      ),
      InvalidSqlFragmentError,
    ],
    [
      'MATCH PARTIAL',
      addConstraint(notes, { ...(f.users.constraints[2] as ForeignKeyConstraint), match: 'PARTIAL' }),
      InvalidSqlFragmentError,
    ],
  ] as const)('%s', (_label, op, error) => {
    expect(() => compile(op)).toThrow(error);
  });

  it('irreversible operations name the operation and the reason', () => {
    const op = addEnumValue(f.q('status'), 'x');
    expect(() => invert(op, f.snapshot)).toThrow(IrreversibleOperationError);
    try {
      invert(op, f.snapshot);
    } catch (e) {
      expect(e).toMatchObject({ code: 'IRREVERSIBLE_OPERATION', operation: op });
      expect((e as Error).message).toMatch(/addEnumValue: PostgreSQL cannot remove a value/);
    }
  });

  it('invert needs the dropped object in the snapshot', () => {
    expect(() => invert(dropColumn(notes, 'missing'), f.snapshot)).toThrow(IrreversibleOperationError);
    expect(invert(dropColumn(notes, 'missing', { ifExists: true }), f.snapshot)).toEqual([]);
  });
});

describe('a table', () => {
  it('compiles to an empty column list', () => {
    expect(
      compile({ kind: 'createTable', table: table({ schema: 's', name: 't' }), ifNotExists: false })[0]?.sql,
    ).toBe('CREATE TABLE "s"."t" ()');
  });
});
