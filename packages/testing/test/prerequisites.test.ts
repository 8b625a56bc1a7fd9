import { describe, expect, it } from 'vitest';
import { commandOnPath, isCi, requirePrerequisites, type SkippableTest } from '../src/index.js';

/** A stand-in `it` that records the tests registered and runs one with a context that records skips. */
function recorder() {
  const registered: { name: string; run: () => { skipped: string | undefined } }[] = [];
  const test: SkippableTest = (name, fn) => {
    registered.push({
      name,
      run: () => {
        let skipped: string | undefined;
        fn({
          skip: (note) => {
            skipped = note ?? '';
          },
        });
        return { skipped };
      },
    });
  };
  return { test, registered };
}

describe('requirePrerequisites', () => {
  it('registers nothing and returns true when everything is there', () => {
    const { test, registered } = recorder();
    expect(requirePrerequisites(test, { 'a server': true, 'pg_dump on PATH': true }, { strict: true })).toBe(
      true,
    );
    expect(registered).toEqual([]);
  });

  it('outside CI: one test, skipped with a note naming only what is missing', () => {
    const { test, registered } = recorder();
    const ready = requirePrerequisites(
      test,
      { DATABASE_URL: false, 'dist (run pnpm build)': false, psql: true },
      {
        env: {},
      },
    );
    expect(ready).toBe(false);
    expect(registered.map((r) => r.name)).toEqual(['prerequisites']);
    expect(registered[0]!.run()).toEqual({ skipped: 'missing: DATABASE_URL; dist (run pnpm build)' });
  });

  it('under CI: the test fails, naming what is missing', () => {
    const { test, registered } = recorder();
    expect(requirePrerequisites(test, { DATABASE_URL: false }, { env: { CI: 'true' } })).toBe(false);
    expect(() => registered[0]!.run()).toThrow(
      'missing: DATABASE_URL (CI is set, so a test that cannot run is a failure, not a skip)',
    );
  });

  it('strict: false skips even under CI (a variant that does not apply to this run)', () => {
    const { test, registered } = recorder();
    requirePrerequisites(test, { 'a second session': false }, { env: { CI: '1' }, strict: false });
    expect(registered[0]!.run()).toEqual({ skipped: 'missing: a second session' });
  });
});

describe('isCi', () => {
  it.each([
    [{ CI: 'true' }, true],
    [{ CI: '1' }, true],
    [{ CI: 'TRUE' }, true],
    [{ CI: 'false' }, false],
    [{ CI: '0' }, false],
    [{ CI: '' }, false],
    [{}, false],
  ])('%j -> %s', (env, expected) => {
    expect(isCi(env)).toBe(expected);
  });
});

describe('commandOnPath', () => {
  it('finds node, and not a command that does not exist', () => {
    expect(commandOnPath(process.execPath)).toBe(true);
    expect(commandOnPath('justscale-no-such-command-3f9a')).toBe(false);
  });
});
