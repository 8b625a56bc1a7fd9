import { describe, expect, it } from 'vitest';
import { type QualifiedReference, rewriteQualifiedNames } from '../../src/canonicalize/qualified-names.js';

/** Every reference found, and the text with `public.S` (however spelled) moved to `"tmp"."S"`. */
function run(text: string): { found: QualifiedReference[]; out: string } {
  const found: QualifiedReference[] = [];
  const out = rewriteQualifiedNames(text, (r) => {
    found.push(r);
    return r.schema === 'public' && r.name === 'S' ? '"tmp"."S"' : undefined;
  });
  return { found, out };
}

describe('rewriteQualifiedNames', () => {
  it.each([
    [`'a'::public."S"`, `'a'::"tmp"."S"`],
    [`'a'::"public"."S"`, `'a'::"tmp"."S"`],
    [`'a'::PUBLIC."S"`, `'a'::"tmp"."S"`],
    [`'a'::public . "S"`, `'a'::"tmp"."S"`],
    [`ARRAY['a'::public."S"]::public."S"[]`, `ARRAY['a'::"tmp"."S"]::"tmp"."S"[]`],
    [
      `(status = 'x'::public."S") OR (status = 'y'::public."S")`,
      `(status = 'x'::"tmp"."S") OR (status = 'y'::"tmp"."S")`,
    ],
  ])('rewrites %s', (text, expected) => {
    expect(run(text).out).toBe(expected);
  });

  it.each([
    // A string, a quoted identifier holding the text, an unquoted (so lowercase) name, another schema.
    `'public."S"'`,
    `E'it\\'s public."S"'`,
    `'it''s public."S"'`,
    `"a public"."S"`,
    `"public.S"`,
    `public.s`,
    `"Public"."S"`,
    `x.public."S"`,
    `public."S".field`,
    `$$ public."S" $$`,
    `$tag$ public."S" $tag$`,
    `1 -- public."S"`,
    `1 /* public."S" /* nested */ public."S" */`,
  ])('leaves %s alone', (text) => {
    expect(run(text).out).toBe(text);
  });

  it('reads identifiers as PostgreSQL does: quotes removed, "" undone, unquoted ones folded', () => {
    expect(run(`'a'::"Other ""Schema"""."Mixed.Status", Ab.cD`).found).toEqual([
      { schema: 'Other "Schema"', name: 'Mixed.Status', text: '"Other ""Schema"""."Mixed.Status"' },
      { schema: 'ab', name: 'cd', text: 'Ab.cD' },
    ]);
  });

  it('keeps non-ASCII names and what surrounds a reference byte for byte', () => {
    const found: QualifiedReference[] = [];
    const text = `lower(ünï.cödé) || 'é'::"ünï"."cödé"`;
    const out = rewriteQualifiedNames(text, (r) => {
      found.push(r);
      return r.text === '"ünï"."cödé"' ? 'X' : undefined;
    });
    expect(found.map((r) => [r.schema, r.name])).toEqual([
      ['ünï', 'cödé'],
      ['ünï', 'cödé'],
    ]);
    expect(out).toBe(`lower(ünï.cödé) || 'é'::X`);
  });

  it('does not take a number for a name', () => {
    expect(run('1.5 + 2e3').found).toEqual([]);
  });
});
