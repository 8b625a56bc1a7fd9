/**
 * `pnpm bench [--smoke] [--large] [--process] [--tables 100,1000] [--migrations 100] [--runs 5]
 *   [--process-tables 1000] [--memory-tables 5000] [--process-rows diff,small,migrate,memory]
 *   [--latency-ms 2]`
 *
 * Prints one table: medians of `runs` timed runs after a warm-up (min and max beside), ratios
 * against pg_dump, psql and bare node, query counts, peak memory, and whether each goal of issues 11
 * and 18 is met (`--process`: issue 18's process-against-process rows only). Uses DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); scratch databases
 * are created and dropped.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PROCESS_ROWS, type ProcessRowName, runProcessSuite } from './process-suite.js';
import { runSuite } from './suite.js';
import { formatTable } from './table.js';

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    large: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
    process: { type: 'boolean', default: false },
    'process-tables': { type: 'string' },
    'memory-tables': { type: 'string' },
    'process-rows': { type: 'string' },
    'latency-ms': { type: 'string' },
    tables: { type: 'string' },
    migrations: { type: 'string' },
    runs: { type: 'string' },
    url: {
      type: 'string',
      default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
  },
});

const sizes = values.tables
  ? values.tables.split(',').map((s) => Number.parseInt(s.trim(), 10))
  : values.smoke
    ? [50]
    : values.large
      ? [100, 1000, 5000]
      : [100, 1000];
const migrations = Number.parseInt(
  values.migrations ?? (values.smoke ? '20' : values.full ? '500' : '100'),
  10,
);
const runs = Number.parseInt(values.runs ?? (values.smoke ? '1' : '5'), 10);
const cliBin = fileURLToPath(new URL('../../../packages/cli/dist/bin.js', import.meta.url));

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};
const { rows, notes } = values.process
  ? { rows: [], notes: [] }
  : await runSuite({
      url: values.url,
      sizes,
      migrations,
      runs,
      diffTables: values.smoke ? 500 : 5000,
      diffChanges: values.smoke ? 50 : 500,
      warmup: !values.smoke,
      cliBin,
      log,
    });
const only = values['process-rows']?.split(',').map((s) => s.trim());
const unknown = only?.filter((name) => !(PROCESS_ROWS as readonly string[]).includes(name)) ?? [];
if (unknown.length > 0) {
  throw new Error(`--process-rows: unknown row ${unknown.join(', ')} (rows: ${PROCESS_ROWS.join(', ')})`);
}
// Issue 18's rows, at the issue's sizes (the smoke run: small ones).
const processRows = await runProcessSuite({
  url: values.url,
  cliBin,
  runs,
  warmup: !values.smoke,
  diffTables: Number.parseInt(values['process-tables'] ?? (values.smoke ? '50' : '1000'), 10),
  smallTables: 3,
  migrations: values.migrations ? migrations : values.smoke ? 20 : 500,
  memoryTables: Number.parseInt(values['memory-tables'] ?? (values.smoke ? '200' : '5000'), 10),
  ...(only === undefined ? {} : { only: only as ProcessRowName[] }),
  latencyMs: Number.parseFloat(values['latency-ms'] ?? '0'),
  log,
});
rows.push(...processRows.rows);
notes.push(...processRows.notes);
console.log(
  `\nJustScale Postgres benchmark: median of ${runs} run(s)${values.smoke ? ' (no warm-up)' : ' after one warm-up'}, on ${new URL(values.url).host}\n`,
);
console.log(formatTable(rows));
console.log('');
for (const note of notes) console.log(`- ${note}`);
