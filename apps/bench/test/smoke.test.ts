import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { requirePrerequisites } from '@justscale/testing';
import { describe, expect, it } from 'vitest';
import { runProcessSuite } from '../src/process-suite.js';
import { runSuite } from '../src/suite.js';
import { formatTable } from '../src/table.js';

const cliBin = fileURLToPath(new URL('../../../packages/cli/dist/bin.js', import.meta.url));
const url = process.env.DATABASE_URL;
const has = (tool: string): boolean => {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
// The bench needs a real server beside pg_dump and psql, and the built CLI (`pnpm test` builds it).
const ready = requirePrerequisites(it, {
  'DATABASE_URL (a PostgreSQL server)': url !== undefined,
  'the built CLI, packages/cli/dist/bin.js (run pnpm build)': existsSync(cliBin),
  'pg_dump and psql on PATH': has('pg_dump') && has('psql'),
});

describe('bench smoke (50 tables, 20 migrations, one run, no warm-up)', () => {
  it.skipIf(!ready)('produces every figure and prints the table', { timeout: 120_000 }, async () => {
    const { rows, notes } = await runSuite({
      url: url ?? '',
      sizes: [50],
      migrations: 20,
      runs: 1,
      diffTables: 500,
      diffChanges: 50,
      warmup: false,
      cliBin,
    });
    const measures = rows.map((r) => `${r.section} / ${r.what}`);
    expect(measures).toEqual([
      'introspect 50 / ours in-process',
      'introspect 50 / ours in-process, parallel: true',
      'introspect 50 / justscale schema diff (process)',
      'introspect 50 / pg_dump --schema-only',
      'introspect 50 / drizzle-kit pull (process)',
      'diff / 500 tables, 50 changes',
      'runner 20 / justscale migrate (in-process)',
      'runner 20 / psql -f (same SQL, tx each)',
      'runner 20 / justscale rollback all',
      'runner 20 / psql -f down (tx each)',
      'runner 20 / Knex latest (tx each)',
      'runner 20 / Knex rollback all',
      'runner 20 / node-pg-migrate up (tx each)',
      'runner 20 / node-pg-migrate down all',
      'runner 20 / no-op migrate (in-process)',
      'runner 20 / Knex no-op latest (in-process)',
      'runner 20 / node-pg-migrate no-op up (in-process)',
      'runner 20 / status (in-process)',
      'runner 20 / Knex status (in-process)',
      'runner 20 / justscale migrate, no-op (process)',
      'runner 20 / knex migrate:latest, no-op (process)',
      'runner 20 / node-pg-migrate up, no-op (process)',
      'runner 20 / justscale migrate status (process)',
      'runner 20 / knex migrate:status (process)',
      'cold start / node -e 0',
      'cold start / justscale --help',
      'cold start / knex --help',
      'cold start / node-pg-migrate --help',
      'cold start / justscale migrate status (20 applied)',
    ]);
    for (const r of rows) {
      expect(r.median, `${r.section} / ${r.what}`).toBeGreaterThan(0);
      expect(r.min).toBeLessThanOrEqual(r.median);
      expect(r.max).toBeGreaterThanOrEqual(r.median);
    }
    expect(rows[0]?.queries).toBeGreaterThan(0);
    expect(rows[0]?.memory).toBeGreaterThan(0);
    expect(rows.find((r) => r.what === 'pg_dump --schema-only')?.memory).toBeGreaterThan(0);
    // Processes' queries are counted on the wire: pg_dump sends more than our fixed set.
    const dumpQueries = rows.find((r) => r.what === 'pg_dump --schema-only')?.queries ?? 0;
    expect(dumpQueries).toBeGreaterThan(rows[0]?.queries ?? 0);
    expect(rows.find((r) => r.what === 'justscale schema diff (process)')?.queries).toBeGreaterThan(0);
    expect(rows.find((r) => r.what === 'drizzle-kit pull (process)')?.queries).toBeGreaterThan(0);
    expect(rows.find((r) => r.section === 'diff')?.goal).toMatch(/^(met|NOT MET): < 200 ms$/);
    expect(notes[0]).toMatch(/queries/);
    const table = formatTable(rows);
    // The figures, for the CI log: reported, never asserted.
    console.log(`${table}\n${notes.map((n) => `- ${n}`).join('\n')}`);
    expect(table.split('\n')).toHaveLength(rows.length + 2);
    expect(table).toContain('median ms');
    expect(table).toContain('pg_dump --schema-only');
  });
});

describe('bench smoke, processes against the alternatives (issue 18, small sizes, one pair each)', () => {
  it.skipIf(!ready)('produces every paired row with a ratio and a goal', { timeout: 600_000 }, async () => {
    const { rows, notes } = await runProcessSuite({
      url: url ?? '',
      cliBin,
      runs: 1,
      warmup: false,
      diffTables: 20,
      smallTables: 3,
      migrations: 10,
      memoryTables: 50,
    });
    expect(rows.map((r) => `${r.section} / ${r.what}`)).toEqual([
      'process 20 / justscale schema diff, db with itself, both sides read',
      'process 20 / 2 x pg_dump -s',
      'process 3 / justscale schema diff, db with itself, both sides read',
      'process 3 / 2 x pg_dump -s',
      'process 10 mig / justscale migrate, 10 .ts',
      'process 10 mig / knex migrate:latest, same DDL in .js',
      'process 10 mig / justscale migrate, nothing pending',
      'process 10 mig / knex migrate:latest, nothing pending',
      'process 50 / introspection (process), peak RSS',
      'process 50 / pg_dump -s, peak RSS',
    ]);
    for (const r of rows) {
      expect(r.median, `${r.section} / ${r.what}`).toBeGreaterThan(0);
      expect(r.memory, `${r.section} / ${r.what}`).toBeGreaterThan(0);
    }
    // Ours carry the paired ratio and the goal; the figures are printed, never asserted.
    for (const r of rows.filter((_, i) => i % 2 === 0)) {
      expect(r.goal).toMatch(/^(met|NOT MET): /);
      expect(r.ratio).toMatch(/^(x\d+\.\d\d paired|heap \d+ MB)$/);
    }
    expect(notes[0]).toMatch(/load average/);
    console.log(`${formatTable(rows)}\n${notes.map((n) => `- ${n}`).join('\n')}`);
  });
});
