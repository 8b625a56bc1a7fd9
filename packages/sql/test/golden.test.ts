import { alterExtension, dropExtension, OPERATION_KINDS, setComment } from '@justscale/schema';
import { describe, expect, it } from 'vitest';
import { compile, IdentifierTooLongError } from '../src/index.js';
import { fixture, nameOfBytes, plainNames, tooLongNames } from './base.js';
import { allCases } from './cases.js';

// The golden SQL of every case (the same cases operations.db.test.ts runs on PostgreSQL), with the
// transaction flag and hazard kinds of each statement. The goldens live in __snapshots__/golden.test.ts.snap.
const f = fixture(plainNames);
const cases = allCases(f);

describe('golden SQL', () => {
  it('covers every operation kind', () => {
    const covered = new Set(cases.map((c) => c.op.kind));
    expect(OPERATION_KINDS.filter((k) => !covered.has(k))).toEqual([]);
  });

  it('has unique case titles', () => {
    expect(new Set(cases.map((c) => c.title)).size).toBe(cases.length);
  });

  it.each(cases.map((c) => [c.title, c] as const))('%s', (_title, c) => {
    const statements = compile(c.op).map((s) => ({
      sql: s.sql,
      transactional: s.transactional,
      hazards: s.hazards.map((h) => h.kind),
    }));
    expect(statements).toMatchSnapshot();
  });

  it('compiles the fixture itself', () => {
    expect(f.setup.flatMap((op) => compile(op).map((s) => s.sql))).toMatchSnapshot();
  });
});

describe('a 64-byte name', () => {
  const long = fixture(tooLongNames);
  // Every case names a schema, except raw SQL and the extension cases (extension names are fixed).
  const named = allCases(long).filter(
    (c) =>
      !['raw', 'alterExtension', 'dropExtension'].includes(c.op.kind) &&
      !(c.op.kind === 'setComment' && c.op.target.objectKind === 'extension'),
  );
  it.each(named.map((c) => [c.title, c] as const))('is refused by %s', (_title, c) => {
    expect(() => compile(c.op)).toThrow(IdentifierTooLongError);
  });

  it('is refused as an extension name', () => {
    const name = nameOfBytes('ext_', 64);
    expect(() => compile(dropExtension(name))).toThrow(IdentifierTooLongError);
    expect(() => compile(alterExtension(name, '1.0'))).toThrow(IdentifierTooLongError);
    expect(() => compile(setComment({ objectKind: 'extension', name }, 'x'))).toThrow(IdentifierTooLongError);
  });
});
