import { spawnSync } from 'node:child_process';

/**
 * The part of a test runner's `it` that `requirePrerequisites` calls: a named test whose context can
 * skip it with a note (vitest's `it`; `node:test`'s `test` fits too).
 */
export type SkippableTest = (
  name: string,
  fn: (context: { skip(note?: string): unknown }) => unknown,
) => unknown;

/** Options of `requirePrerequisites`. */
export interface PrerequisiteOptions {
  /** Whether a missing prerequisite fails instead of skipping. Default: `CI` is set (not `false` or `0`). */
  readonly strict?: boolean;
  /** Read for `CI`. Default: `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Whether `CI` is set to something other than `false`, `0` or the empty string.
 *
 * @example
 * isCi({ CI: 'true' }); // true
 */
export function isCi(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

/**
 * Whether `command` runs from `PATH` (it is started with `--version`).
 *
 * @example
 * commandOnPath('pg_dump'); // true where PostgreSQL's client tools are installed
 */
export function commandOnPath(command: string): boolean {
  const result = spawnSync(command, ['--version'], { stdio: 'ignore' });
  return result.error === undefined && result.status === 0;
}

/**
 * Checks what the tests of a file need, named by what a reader should do about it. When all is there
 * it returns `true` and registers nothing. When something is missing it registers one test,
 * `prerequisites`, that is skipped with a note naming what is missing, or that fails under `CI`
 * (`strict`), so that a run which could not test something says so instead of passing. Skip the
 * tests that need it with the result.
 *
 * @example
 * const ready = requirePrerequisites(it, {
 *   'DATABASE_URL (a PostgreSQL server)': Boolean(process.env.DATABASE_URL),
 *   'pg_dump on PATH': commandOnPath('pg_dump'),
 * });
 * describe.skipIf(!ready)('dumps', () => { ... });
 */
export function requirePrerequisites(
  test: SkippableTest,
  needs: Readonly<Record<string, boolean>>,
  options: PrerequisiteOptions = {},
): boolean {
  const missing = Object.entries(needs)
    .filter(([, present]) => !present)
    .map(([name]) => name);
  if (missing.length === 0) {
    return true;
  }
  const strict = options.strict ?? isCi(options.env ?? process.env);
  const note = `missing: ${missing.join('; ')}`;
  test('prerequisites', (context) => {
    if (strict) {
      throw new Error(`${note} (CI is set, so a test that cannot run is a failure, not a skip)`);
    }
    context.skip(note);
  });
  return false;
}
