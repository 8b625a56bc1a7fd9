// Packs every package with `pnpm pack`, checks each tarball's files, installs the tarballs into a
// scratch project outside the workspace and runs the seed's examples there (src/journey.ts): on
// PGlite, and on the server too when DATABASE_URL is set. test/packages.test.ts runs the same in
// `pnpm test`. Run by hand: pnpm --filter @justscale/docs-check pack-install (KEEP_SCRATCH=1 keeps it).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runJourney, writeScratchApp } from '../src/journey.js';
import { packWorkspace, tarballProblems } from '../src/pack.js';
import { scratchDatabase } from '../src/scratch-database.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'justscale-pack-'));
const tarballs = join(scratch, 'tarballs');
mkdirSync(tarballs);
// The tarballs hold dist/: build first (turbo: cached when nothing changed).
execFileSync('npx', ['turbo', 'run', 'build', '--filter=./packages/*', '--output-logs=errors-only'], {
  cwd: root,
  stdio: 'inherit',
});
const database = process.env.DATABASE_URL ? await scratchDatabase(process.env.DATABASE_URL) : undefined;
try {
  const packed = await packWorkspace(root, tarballs);
  const problems = packed.flatMap((p) => tarballProblems(p.files).map((problem) => `${p.name}: ${problem}`));
  if (problems.length > 0) throw new Error(problems.join('\n'));
  console.log(`packed ${packed.length} packages`);
  writeScratchApp(root, join(scratch, 'app'), packed);
  await runJourney(join(scratch, 'app'), database?.url, (line) => console.log(line));
  console.log('packed tarballs install and run: ok');
} finally {
  await database?.drop();
  if (process.env.KEEP_SCRATCH) console.log(`kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}
