import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type PairedFigures, paired } from './paired.js';
import { runProcess } from './process.js';

// The embedded default, process to process: a no-op `justscale migrate` on a PGlite folder against a
// bare node process that opens the same folder with PGlite and runs one query (the floor any CLI on
// PGlite pays). Prints figures; asserts nothing. Goal (issue 17): the CLI within 1.3x of the bare open.
const here = dirname(fileURLToPath(import.meta.url));
const cliRoot = join(here, '../../../packages/cli');
const cliBin = join(cliRoot, 'dist/bin.js');
// The ESM entry, which the CLI loads (require.resolve would give the CommonJS one).
const pglite = pathToFileURL(
  createRequire(join(cliRoot, 'package.json'))
    .resolve('@electric-sql/pglite')
    .replace(/index\.cjs$/, 'index.js'),
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
  // Paired and alternating (src/paired.ts): both sides meet the same load; the ratio is the median
  // of the per-pair ratios.
  const figures = await paired(
    { runs },
    async () => {
      const r = await runProcess('node', [cliBin, 'migrate'], { cwd: project, env });
      if (!r.stdout.includes('Nothing to migrate.')) throw new Error(`not a no-op: ${r.stdout}`);
      return r.peakRss;
    },
    async () =>
      (await runProcess('node', ['--input-type=module', '-e', bare], { cwd: project, env })).peakRss,
  );
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
  const side = (f: PairedFigures['ours']) =>
    `median ${f.median.toFixed(0)} ms (min ${f.min.toFixed(0)}, max ${f.max.toFixed(0)}), peak RSS ${mib(f.memory)}`;
  console.log(
    `embedded default, ${runs} pairs, 20 applied migrations, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}:`,
  );
  console.log(`  bare PGlite open + SELECT 1   ${side(figures.theirs)}`);
  console.log(`  justscale migrate (no-op)     ${side(figures.ours)}`);
  console.log(`  ratio x${figures.ratio.toFixed(2)} paired (goal: at most 1.3x)`);
} finally {
  await rm(project, { recursive: true, force: true });
}
