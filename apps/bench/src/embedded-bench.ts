import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stats } from './measure.js';
import { runProcess } from './process.js';

// The embedded default, process to process: a no-op `justscale migrate` on a PGlite folder against a
// bare node process that opens the same folder with PGlite and runs one query (the floor any CLI on
// PGlite pays). Prints figures; asserts nothing. Goal (issue 17): the CLI within 1.3x of the bare open.
const here = dirname(fileURLToPath(import.meta.url));
const cliRoot = join(here, '../../../packages/cli');
const cliBin = join(cliRoot, 'dist/bin.js');
const pglite = pathToFileURL(
  createRequire(join(cliRoot, 'package.json')).resolve('@electric-sql/pglite'),
).href;
const runs = Number(process.env.BENCH_RUNS ?? 5);

const project = await mkdtemp(join(tmpdir(), 'justscale-bench-embedded-'));
try {
  await mkdir(join(project, 'migrations'));
  for (let i = 1; i <= 20; i++) {
    const n = String(i).padStart(3, '0');
    await writeFile(
      join(project, `migrations/${n}_t${n}.sql`),
      `-- up\nCREATE TABLE t${n} (id int PRIMARY KEY);\n`,
    );
  }
  const env = { PATH: process.env.PATH ?? '', NO_COLOR: '1' };
  await runProcess('node', [cliBin, 'migrate'], { cwd: project, env });
  const dataDir = join(project, '.justscale/pglite');
  const bare = `const { PGlite } = await import(${JSON.stringify(pglite)});
const db = await PGlite.create({ dataDir: ${JSON.stringify(dataDir)} });
await db.query('SELECT 1');
await db.close();`;
  const cli: number[] = [];
  const open: number[] = [];
  const cliRss: number[] = [];
  const openRss: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = await runProcess('node', ['--input-type=module', '-e', bare], { cwd: project, env });
    open.push(a.ms);
    openRss.push(a.peakRss);
    const b = await runProcess('node', [cliBin, 'migrate'], { cwd: project, env });
    if (!b.stdout.includes('Nothing to migrate.')) throw new Error(`not a no-op: ${b.stdout}`);
    cli.push(b.ms);
    cliRss.push(b.peakRss);
  }
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
  const o = stats(open);
  const c = stats(cli);
  console.log(`embedded default, ${runs} runs each, 20 applied migrations:`);
  console.log(
    `  bare PGlite open + SELECT 1   median ${o.median.toFixed(0)} ms (min ${o.min.toFixed(0)}, max ${o.max.toFixed(0)}), peak RSS ${mib(stats(openRss).median)}`,
  );
  console.log(
    `  justscale migrate (no-op)     median ${c.median.toFixed(0)} ms (min ${c.min.toFixed(0)}, max ${c.max.toFixed(0)}), peak RSS ${mib(stats(cliRss).median)}`,
  );
  console.log(`  ratio ${(c.median / o.median).toFixed(2)}x (goal: at most 1.3x)`);
} finally {
  await rm(project, { recursive: true, force: true });
}
