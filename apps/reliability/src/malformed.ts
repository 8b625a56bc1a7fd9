import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '@justscale/cli';
import { createTestDatabase } from '@justscale/testing';

/** A malformed migration file and what must hold after `justscale migrate` meets it. */
interface MalformedCase {
  readonly name: string;
  readonly file: string;
  readonly source: string;
  /** The good migration before it is applied too (the bad one fails only when it runs). */
  readonly failsAtRun?: boolean;
}

export const MALFORMED: readonly MalformedCase[] = [
  { name: 'syntax error', file: '002_bad.ts', source: 'export default {{{ up(' },
  { name: 'no default export', file: '002_bad.ts', source: 'export const up = async () => {};\n' },
  { name: 'up not a function', file: '002_bad.ts', source: 'export default { up: 42 };\n' },
  {
    name: 'throwing up',
    file: '002_bad.ts',
    source:
      "export default { async up({ db }: any) { await db.raw('CREATE TABLE half_done (id int)'); throw new Error('boom in up'); } };\n",
    failsAtRun: true,
  },
  {
    name: 'missing import',
    file: '002_bad.ts',
    source: "import x from './does-not-exist.js';\nexport default { up() { return x; } };\n",
  },
  { name: '.sql without up', file: '002_bad.sql', source: 'CREATE TABLE half_done (id int);\n' },
];

/** How one malformed case went. */
export interface MalformedResult {
  readonly name: string;
  readonly exitCode: number;
  readonly namesFile: boolean;
  readonly applied: readonly string[];
  readonly halfDone: boolean;
  readonly ok: boolean;
  readonly stderr: string;
}

/** Runs the CLI's `migrate` (in process, `run()`) on a fresh server database for each malformed file. */
export async function runMalformed(): Promise<MalformedResult[]> {
  const results: MalformedResult[] = [];
  for (const c of MALFORMED) {
    const db = await createTestDatabase();
    const dir = await mkdtemp(join(tmpdir(), 'justscale-malformed-'));
    try {
      if (db.url === null)
        throw new Error('the malformed-file cases need a PostgreSQL server (DATABASE_URL)');
      await writeFile(
        join(dir, '001_good.sql'),
        '-- up\nCREATE TABLE good (id int);\n-- down\nDROP TABLE good;\n',
      );
      await writeFile(join(dir, c.file), c.source);
      let stdout = '';
      let stderr = '';
      const exitCode = await run(['migrate', '--database-url', db.url, '--migrations', dir], {
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: (s: string) => (stderr += s) },
        env: {},
        cwd: dir,
      });
      const tracking = await db.driver.query<{ exists: boolean }>(
        "SELECT to_regclass('public._migrations') IS NOT NULL AS exists",
      );
      const applied = tracking.rows[0]?.exists
        ? (await db.driver.query<{ name: string }>('SELECT name FROM _migrations ORDER BY id')).rows.map(
            (r) => r.name,
          )
        : [];
      const good = (
        await db.driver.query<{ e: boolean }>("SELECT to_regclass('public.good') IS NOT NULL AS e")
      ).rows[0]?.e;
      const halfDone =
        (await db.driver.query<{ e: boolean }>("SELECT to_regclass('public.half_done') IS NOT NULL AS e"))
          .rows[0]?.e === true;
      const expected = c.failsAtRun ? ['001_good'] : [];
      const namesFile = (stderr + stdout).includes('002_bad');
      const ok =
        exitCode === 1 &&
        namesFile &&
        !halfDone &&
        JSON.stringify(applied) === JSON.stringify(expected) &&
        good === (c.failsAtRun === true);
      results.push({ name: c.name, exitCode, namesFile, applied, halfDone, ok, stderr: stderr.trim() });
    } finally {
      await rm(dir, { recursive: true, force: true });
      await db.close();
    }
  }
  return results;
}
