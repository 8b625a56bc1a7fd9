/**
 * `pnpm --filter @justscale/bench bench:introspect [--tables 100,1000,5000] [--runs 5]`
 *
 * For each size: creates a scratch database on the server (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres), fills it with a generated schema, then times, in the
 * same run on the same database, `introspect()` (on one connection, then with `parallel: true` on
 * two) and `pg_dump --schema-only` (one warm-up each, then
 * `runs` timed runs: median, min, max), with our query count and peak memory. Drops the database.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Driver } from '@justscale/driver';
import { createPgDriver } from '@justscale/driver-pg';
import { introspect } from '@justscale/introspect';
import { expectedCounts, generateSchema } from './generate-schema.js';
import { countingDriver, stats, withPeakHeap } from './measure.js';

const { values } = parseArgs({
  options: {
    tables: { type: 'string', default: '100,1000,5000' },
    runs: { type: 'string', default: '5' },
    url: {
      type: 'string',
      default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
    'pg-dump': { type: 'string', default: 'pg_dump' },
  },
});
const sizes = values.tables.split(',').map((s) => Number.parseInt(s.trim(), 10));
const runs = Math.max(1, Number.parseInt(values.runs, 10));
const adminUrl = values.url;

const ms = (n: number): string => `${n.toFixed(0)} ms`;
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;

function databaseUrl(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs pg_dump --schema-only once, output discarded; resolves with its wall time in ms. */
function pgDump(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(
      values['pg-dump'],
      ['--schema-only', '--no-owner', '--no-privileges', '--dbname', url],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(performance.now() - start);
      else reject(new Error(`pg_dump exited with ${code}: ${stderr}`));
    });
  });
}

async function time(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

async function benchSize(admin: Driver, tables: number): Promise<void> {
  const name = `justscale_bench_${tables}_${process.pid}`;
  await admin.exec(`DROP DATABASE IF EXISTS "${name}"`);
  await admin.exec(`CREATE DATABASE "${name}"`);
  const url = databaseUrl(name);
  const driver = createPgDriver(url);
  try {
    const started = performance.now();
    for (const script of generateSchema({ tables })) await driver.exec(script);
    await driver.exec('ANALYZE');
    const setup = performance.now() - started;

    const counted = countingDriver(driver);
    const { value: snapshot, peakHeap } = await withPeakHeap(() => introspect(counted.driver));
    const expected = expectedCounts(tables);
    if (snapshot.tables.length !== expected.tables || snapshot.indexes.length !== expected.indexes) {
      throw new Error(
        `introspection found ${snapshot.tables.length} tables and ${snapshot.indexes.length} indexes, ` +
          `expected ${expected.tables} and ${expected.indexes}`,
      );
    }
    const queries = counted.count();
    const ours = stats(await time(runs, () => introspect(driver)));
    const parallel = stats(await time(runs, () => introspect(driver, { parallel: true })));
    const rss = process.resourceUsage().maxRSS * 1024;
    const dump = stats(await time(runs, () => pgDump(url)));

    const ratio = ours.median / dump.median;
    console.log(
      [
        `${tables} tables (${snapshot.indexes.length} indexes, ${snapshot.views.length} views; generated in ${ms(setup)})`,
        `  introspect: median ${ms(ours.median)} (min ${ms(ours.min)}, max ${ms(ours.max)}), ${queries} statements, peak heap ${mb(peakHeap)}, peak RSS ${mb(rss)}`,
        `  introspect({ parallel: true }): median ${ms(parallel.median)} (min ${ms(parallel.min)}, max ${ms(parallel.max)}), ${queries + 2} statements on 2 connections`,
        `  pg_dump --schema-only: median ${ms(dump.median)} (min ${ms(dump.min)}, max ${ms(dump.max)})`,
        `  introspect / pg_dump: ${(ratio * 100).toFixed(0)}% (parallel: ${((parallel.median / dump.median) * 100).toFixed(0)}%)`,
      ].join('\n'),
    );
  } finally {
    await driver.close();
    await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

const admin = createPgDriver(adminUrl);
try {
  console.log(`introspection benchmark: ${runs} timed runs after one warm-up, on ${new URL(adminUrl).host}`);
  for (const tables of sizes) await benchSize(admin, tables);
} finally {
  await admin.close();
}
