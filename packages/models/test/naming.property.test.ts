import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeObjectName, toColumnName, toPropertyName } from '../src/index.js';

const bytes = (s: string) => new TextEncoder().encode(s).length;
const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,30}$/);

describe('naming properties', () => {
  it('toColumnName is idempotent and leaves names without capitals unchanged', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const c = toColumnName(s);
        expect(toColumnName(c)).toBe(c);
        if (s.toLowerCase() === s) expect(c).toBe(s);
      }),
    );
  });

  it('toPropertyName inverts toColumnName where it answers', () => {
    fc.assert(
      fc.property(identifier, (p) => {
        const c = toColumnName(p);
        const back = toPropertyName(c);
        if (back !== null) expect(toColumnName(back)).toBe(c);
      }),
    );
  });

  it('makeObjectName always fits 63 bytes and ends with its label', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 70 }),
        fc.option(fc.string({ maxLength: 70 })),
        (a, b) => {
          const name = makeObjectName(a, b, 'key');
          expect(bytes(name)).toBeLessThanOrEqual(63);
          expect(name.endsWith('_key')).toBe(true);
          expect(name).not.toContain('\uFFFD');
        },
      ),
    );
  });
});
