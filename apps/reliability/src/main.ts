/**
 * The full reliability run (`pnpm --filter @justscale/reliability reliability`): every case at full
 * size against the PostgreSQL server in DATABASE_URL, printing its figures. Exits 1 when any case fails.
 */
import { createTestDatabase } from '@justscale/testing';
import { runBadConfig } from './bad-config.js';
import { runCliFlags } from './cli-flags.js';
import { runConcurrency } from './concurrency.js';
import { runCrash } from './crash.js';
import { lockTimeout, statementTimeout, terminatedBackend } from './faults.js';
import { runHostile } from './hostile.js';
import { runMalformed } from './malformed.js';
import { show } from './outcome.js';

const out = (line: string) => process.stdout.write(`${line}\n`);
let failures = 0;

async function timed<T>(title: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await fn();
  out(`${title}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

async function withDb<T>(fn: (db: Awaited<ReturnType<typeof createTestDatabase>>) => Promise<T>): Promise<T> {
  const db = await createTestDatabase();
  try {
    if (db.url === null) throw new Error('the reliability suite needs a PostgreSQL server: set DATABASE_URL');
    return await fn(db);
  } finally {
    await db.close();
  }
}

const hostile = await timed('hostile input', () => withDb((db) => runHostile(db.driver)));
for (const path of ['models', 'database-api'] as const) {
  const of = hostile.filter((r) => r.path === path);
  const count = (kind: string) => of.filter((r) => r.outcome.kind === kind).length;
  out(
    `  ${path}: ${of.length} inputs, ${count('round-trip')} round-trip, ${count('refused')} refused, ${count('defect')} defects`,
  );
}
for (const r of hostile) {
  if (r.outcome.kind === 'refused')
    out(`  refused ${r.path} ${show(r.input)}: [${r.outcome.code}] ${r.outcome.message.split('\n')[0]}`);
  if (r.outcome.kind === 'defect') {
    failures++;
    out(`  DEFECT ${r.path} ${show(r.input)}: ${r.outcome.message.split('\n')[0]}`);
  }
}

const cliFlags = await timed('hostile input through the CLI', () =>
  withDb((db) => runCliFlags(db.driver, db.url!)),
);
for (const path of ['make-name', 'schema-flag', 'tracking-table'] as const) {
  const of = cliFlags.filter((r) => r.path === path);
  const count = (kind: string) => of.filter((r) => r.outcome.kind === kind).length;
  out(
    `  ${path}: ${of.length} inputs, ${count('round-trip')} round-trip, ${count('refused')} refused, ${count('defect')} defects`,
  );
}
for (const r of cliFlags) {
  if (r.outcome.kind === 'defect') {
    failures++;
    out(`  DEFECT ${r.path} ${show(r.input)}: ${r.outcome.message.split('\n')[0]}`);
  }
}

const badConfig = await timed('bad configuration and URLs', () =>
  withDb((db) => runBadConfig(db.driver, db.url!)),
);
for (const r of badConfig) {
  if (!r.ok) failures++;
  out(
    `  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name}: exit ${r.exitCode} (documented ${r.expectedExit}), explains ${r.explains}, password hidden ${r.passwordHidden}`,
  );
  if (!r.ok) out(`    ${r.stderr.split('\n')[0]}`);
}

const malformed = await timed('malformed migration files', () => runMalformed());
for (const r of malformed) {
  if (!r.ok) failures++;
  out(
    `  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name}: exit ${r.exitCode}, names file ${r.namesFile}, applied ${JSON.stringify(r.applied)}`,
  );
}

const crash = await timed('SIGKILL crashes', () =>
  withDb((db) => runCrash(db.driver, db.url!, { kills: 20, count: 30 })),
);
failures += crash.inconsistencies.length + crash.failedResumes.length;
// Kills before the first migration or after the last test nothing a crash can break: at least half
// of them must land inside the batch, or the run says so and fails.
if (crash.midBatch * 2 < crash.kills) failures++;
out(
  `  seed ${crash.seed}, ${crash.kills} kills within ${crash.windowMs} ms, ${crash.midBatch} inside the batch, migrations applied at each kill: ${crash.appliedAtKill.join(' ')}`,
);
out(
  `  inconsistent after kill: ${crash.inconsistencies.length}, failed resumes: ${crash.failedResumes.length}`,
);
const sorted = [...crash.resumeMs].sort((a, b) => a - b);
out(`  resume migrate: median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted.at(-1)} ms`);
for (const line of [...crash.inconsistencies, ...crash.failedResumes]) out(`  FAIL ${line}`);

const concurrency = await timed('16 concurrent migrate processes', () =>
  withDb((db) => runConcurrency(db.driver, db.url!, { processes: 16, count: 30 })),
);
const zero = concurrency.exitCodes.filter((c) => c === 0).length;
if (
  zero !== 16 ||
  concurrency.trackingRows !== 30 ||
  concurrency.distinctNames !== 30 ||
  !concurrency.consistent
)
  failures++;
out(
  `  exit 0: ${zero}/16, tracking rows ${concurrency.trackingRows} (${concurrency.distinctNames} distinct), consistent ${concurrency.consistent}, wall ${concurrency.wallMs} ms`,
);

const failFast = await timed('16 concurrent migrate --no-wait processes', () =>
  withDb((db) => runConcurrency(db.driver, db.url!, { processes: 16, count: 30, noWait: true })),
);
const won = failFast.exitCodes.filter((c) => c === 0).length;
const locked = failFast.exitCodes.filter((c) => c === 5).length;
if (
  won < 1 ||
  won + locked !== 16 ||
  failFast.trackingRows !== 30 ||
  failFast.distinctNames !== 30 ||
  !failFast.consistent
)
  failures++;
out(
  `  exit 0: ${won}, exit 5 (lock held): ${locked}, other: ${16 - won - locked}, tracking rows ${failFast.trackingRows} (${failFast.distinctNames} distinct), consistent ${failFast.consistent}`,
);

for (const fault of [terminatedBackend, lockTimeout, statementTimeout]) {
  const r = await timed(fault.name, () => withDb((db) => fault(db.driver, db.url!)));
  if (!r.ok) failures++;
  out(
    `  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name}: exit ${r.exitCode}, partial ${r.partial}, rows ${JSON.stringify(r.rows)}, rerun exit ${r.nextExitCode}`,
  );
  out(`  error: ${r.stderr.split('\n').slice(0, 3).join(' | ')}`);
}

out(failures === 0 ? 'reliability: all cases passed' : `reliability: ${failures} failing case(s)`);
process.exitCode = failures === 0 ? 0 : 1;
