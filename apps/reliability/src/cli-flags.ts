import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Driver } from '@justscale/driver';
import { HOSTILE, spread } from './corpus.js';
import type { Outcome } from './outcome.js';
import { show } from './outcome.js';
import { runCli as cli } from './run-cli.js';

/** One hostile string through one CLI entry point. */
export interface CliFlagResult {
  readonly path: 'make-name' | 'schema-flag' | 'tracking-table';
  readonly input: string;
  readonly outcome: Outcome;
}

const CANARY = 'reliability_cli_canary';
const PWNED = 'reliability_pwned';

/** Every file under `dir`, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

/** The exit code said refused (2, a usage error with a code) or something went wrong. */
function refusedOrDefect(r: { code: number; stderr: string }, what: string): Outcome {
  const code = /error \[([A-Z_]+)\]/.exec(r.stderr)?.[1];
  if (r.code === 2 && code !== undefined) return { kind: 'refused', code, message: r.stderr.trim() };
  return { kind: 'defect', message: `${what}: exit ${r.code}: ${r.stderr.trim().split('\n')[0]}` };
}

/** `justscale migrate make <s> --empty`: a file inside migrations/ and nowhere else, or a refusal. */
async function makeName(s: string): Promise<Outcome> {
  const dir = await mkdtemp(join(tmpdir(), 'justscale-hostile-make-'));
  try {
    const r = await cli(['migrate', 'make', s, '--empty', '--json'], dir);
    const files = await filesUnder(dir);
    const outside = files.filter((f) => !f.startsWith('migrations/') || f.split('/').length !== 2);
    if (outside.length > 0)
      return { kind: 'defect', message: `wrote outside migrations/: ${outside.join(', ')}` };
    if (r.code !== 0) return refusedOrDefect(r, 'make');
    if (!/^migrations\/\d{14}_[a-z0-9_]+\.ts$/.test(files[0] ?? '') || files.length !== 1) {
      return { kind: 'defect', message: `unexpected files ${JSON.stringify(files)}` };
    }
    return { kind: 'round-trip' };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `justscale schema diff --from URL --to URL --schema <s> --exit-code`: no difference, or a refusal. */
async function schemaFlag(s: string, url: string, cwd: string): Promise<Outcome> {
  const r = await cli(['schema', 'diff', '--from', url, '--to', url, '--schema', s, '--exit-code'], cwd);
  if (r.code === 0) return { kind: 'round-trip' };
  return refusedOrDefect(r, 'schema diff');
}

/**
 * `migrations.table` in justscale.config.json: `migrate`, `status`, `rollback` with the tracking table
 * named `s`. The table must exist under exactly that name after migrate, or the config be refused.
 */
async function trackingTable(driver: Driver, s: string, url: string): Promise<Outcome> {
  const dir = await mkdtemp(join(tmpdir(), 'justscale-hostile-table-'));
  try {
    await mkdir(join(dir, 'migrations'));
    await writeFile(
      join(dir, 'migrations', '001_one.sql'),
      '-- up\nCREATE TABLE reliability_t (id int);\n-- down\nDROP TABLE reliability_t;\n',
    );
    await writeFile(
      join(dir, 'justscale.config.json'),
      JSON.stringify({ database: url, migrations: { table: s } }),
    );
    const up = await cli(['migrate'], dir);
    if (up.code !== 0) return refusedOrDefect(up, 'migrate');
    const found = await driver.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relname = $1",
      [s],
    );
    if (found.rows[0]?.n !== 1) return { kind: 'defect', message: `tracking table ${show(s)} not found` };
    const status = await cli(['migrate', 'status', '--check'], dir);
    if (status.code !== 0) return { kind: 'defect', message: `status --check: exit ${status.code}` };
    const down = await cli(['migrate', 'rollback'], dir);
    if (down.code !== 0)
      return { kind: 'defect', message: `rollback: exit ${down.code} ${down.stderr.trim()}` };
    const left = await driver.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_class WHERE relname = 'reliability_t'",
    );
    if (left.rows[0]?.n !== 0) return { kind: 'defect', message: 'rollback left reliability_t' };
    return { kind: 'round-trip' };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function canaryIntact(driver: Driver): Promise<boolean> {
  const r = await driver.query<{ canary: number; pwned: number }>(
    'SELECT (SELECT count(*)::int FROM pg_class WHERE relname = $1) AS canary, (SELECT count(*)::int FROM pg_class WHERE relname = $2) AS pwned',
    [CANARY, PWNED],
  );
  return r.rows[0]?.canary === 1 && r.rows[0]?.pwned === 0;
}

async function cleanup(driver: Driver): Promise<void> {
  const tables = await driver.query<{ n: string }>(
    `SELECT oid::regclass::text AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relname <> '${CANARY}'`,
  );
  for (const t of tables.rows) await driver.query(`DROP TABLE ${t.n} CASCADE`);
}

/**
 * `size` strings spread over the corpus (all by default) as a migration name, a `--schema` flag and
 * the tracking table's name in a config file, through the CLI's `run` on the database at `url`
 * (empty, reached by `driver` too). A canary table must survive every case.
 */
export async function runCliFlags(
  driver: Driver,
  url: string,
  size = HOSTILE.length,
): Promise<CliFlagResult[]> {
  await driver.query(`CREATE TABLE ${CANARY} (id int)`);
  const scratch = await mkdtemp(join(tmpdir(), 'justscale-hostile-cli-'));
  const results: CliFlagResult[] = [];
  try {
    for (const s of spread(HOSTILE, size)) {
      for (const path of ['make-name', 'schema-flag', 'tracking-table'] as const) {
        let outcome: Outcome;
        try {
          if (path === 'make-name') outcome = await makeName(s);
          else if (path === 'schema-flag') outcome = await schemaFlag(s, url, scratch);
          else outcome = await trackingTable(driver, s, url);
        } catch (error) {
          outcome = {
            kind: 'defect',
            message: `threw: ${error instanceof Error ? error.message : String(error)}`,
          };
        }
        if (!(await canaryIntact(driver))) {
          outcome = { kind: 'defect', message: 'injected SQL ran (canary dropped or pwned table created)' };
          await driver.query(`DROP TABLE IF EXISTS ${PWNED}`);
          await driver.query(`CREATE TABLE IF NOT EXISTS ${CANARY} (id int)`);
        }
        await cleanup(driver);
        results.push({ path, input: s, outcome });
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return results;
}
