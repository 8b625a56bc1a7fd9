/**
 * The fleet benchmark (issue 19): `justscale fleet migrate` against a shell loop over
 * `justscale migrate`, same targets and migrations, as processes, in one run; then how the fleet's
 * time grows with the number of targets and with --concurrency, and an extrapolation to 10,000.
 *
 *   node dist/fleet-bench.js                 # 24 databases x 20 migrations, loop vs fleet; 10 and 50 tenants
 *   node dist/fleet-bench.js --sweep         # adds 10..200 tenant targets and --concurrency 1, 2, 4, 8
 *   node dist/fleet-bench.js --databases 24 --migrations 20 --url postgres://...
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createPgDriver } from '@justscale/driver-pg';
import { runProcess } from './process.js';

const cliBin = fileURLToPath(new URL('../../../packages/cli/dist/bin.js', import.meta.url));

/** `url` with its database replaced. */
function urlOf(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A migrations folder of `count` .sql files: a table, an index and a row each. */
async function migrations(dir: string, count: number): Promise<void> {
  await mkdir(join(dir, 'migrations'), { recursive: true });
  for (let i = 1; i <= count; i++) {
    await writeFile(
      join(dir, 'migrations', `${String(i).padStart(3, '0')}_table_${i}.sql`),
      `-- up\nCREATE TABLE t_${i} (id bigint PRIMARY KEY, name text NOT NULL, created_at timestamptz DEFAULT now());\n` +
        `CREATE INDEX t_${i}_name ON t_${i} (name);\nINSERT INTO t_${i} (id, name) VALUES (1, 'first');\n` +
        `-- down\nDROP TABLE t_${i};\n`,
    );
  }
}

/** One `justscale fleet migrate` process over `targets`; its wall time in ms. */
async function fleetRun(dir: string, targets: readonly string[], concurrency: number): Promise<number> {
  const file = join(dir, `targets-${randomBytes(4).toString('hex')}.txt`);
  await writeFile(file, `${targets.join('\n')}\n`);
  const run = await runProcess(
    'node',
    [cliBin, 'fleet', 'migrate', '--targets', file, '--concurrency', String(concurrency), '--json'],
    { cwd: dir },
  );
  const { summary } = JSON.parse(run.stdout) as { summary: { done: number; failed: number } };
  if (summary.done !== targets.length) throw new Error(`fleet run: ${JSON.stringify(summary)}`);
  return run.ms;
}

/** The shell loop users write today: one `justscale migrate` process per target, one after another. */
async function loopRun(dir: string, urls: readonly string[]): Promise<number> {
  const script = `for url in ${urls.map((u) => `'${u}'`).join(' ')}; do node '${cliBin}' migrate --database-url "$url" > /dev/null || exit 1; done`;
  return (await runProcess('sh', ['-c', script], { cwd: dir })).ms;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: {
        type: 'string',
        default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      },
      databases: { type: 'string', default: '24' },
      migrations: { type: 'string', default: '20' },
      sweep: { type: 'boolean', default: false },
    },
  });
  const server = values.url!;
  const databases = Number(values.databases);
  const count = Number(values.migrations);
  const dir = await mkdtemp(join(tmpdir(), 'justscale-fleet-bench-'));
  await migrations(dir, count);
  const admin = createPgDriver({ connectionString: server, max: 1 });
  const prefix = `justscale_fleet_bench_${randomBytes(3).toString('hex')}`;
  const created: string[] = [];
  const create = async (name: string) => {
    await admin.exec(`CREATE DATABASE "${name}"`);
    created.push(name);
    return urlOf(server, name);
  };
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    console.log(line);
  };
  try {
    const { rows } = await admin.query<{ v: string }>(
      "SELECT pg_catalog.current_setting('server_version') AS v",
    );
    say(
      `fleet bench: ${databases} databases x ${count} migrations, PostgreSQL ${rows[0]!.v}, node ${process.version}`,
    );
    const loopUrls: string[] = [];
    const fleetUrls: string[] = [];
    for (let i = 0; i < databases; i++) loopUrls.push(await create(`${prefix}_loop_${i}`));
    for (let i = 0; i < databases; i++) fleetUrls.push(await create(`${prefix}_fleet_${i}`));
    const loop = await loopRun(dir, loopUrls);
    const fleet = await fleetRun(dir, fleetUrls, 4);
    const ratio = fleet / loop;
    say(`shell loop over justscale migrate   ${s(loop)}  (${s(loop / databases)} per database)`);
    say(
      `justscale fleet migrate (4 at once) ${s(fleet)}  x${ratio.toFixed(3)} of the loop  ${ratio <= 0.25 ? 'goal met (<= 0.25)' : 'GOAL NOT MET (<= 0.25)'}`,
    );

    // Growth: tenant schemas in one database (fresh schemas each measurement).
    const tenantsDb = await create(`${prefix}_tenants`);
    let run = 0;
    const tenants = (n: number) => {
      run++;
      return Array.from({ length: n }, (_, i) => `${tenantsDb}#schema=r${run}_tenant_${i}`);
    };
    const sizes = values.sweep ? [10, 50, 100, 200] : [10, 50];
    const bySize: [number, number][] = [];
    for (const n of sizes) {
      const ms = await fleetRun(dir, tenants(n), 4);
      bySize.push([n, ms]);
      say(
        `fleet, ${String(n).padStart(3)} tenant schemas, --concurrency 4: ${s(ms)}  (${(ms / n).toFixed(0)} ms per target)`,
      );
    }
    if (values.sweep) {
      for (const c of [1, 2, 4, 8]) {
        const ms = await fleetRun(dir, tenants(100), c);
        say(`fleet, 100 tenant schemas, --concurrency ${c}: ${s(ms)}`);
      }
    }
    // Extrapolation: the fixed start-up plus the marginal cost per target between the two largest sizes.
    const [[n1, t1], [n2, t2]] = bySize.slice(-2) as [[number, number], [number, number]];
    const perTarget = (t2 - t1) / (n2 - n1);
    const fixed = t2 - perTarget * n2;
    say(
      `extrapolated: 10,000 tenants x ${count} migrations at --concurrency 4 ~ ${s(fixed + perTarget * 10_000)} ` +
        `(${perTarget.toFixed(0)} ms per target beyond ${s(Math.max(0, fixed))} of start-up)`,
    );
  } finally {
    for (const name of created) await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
