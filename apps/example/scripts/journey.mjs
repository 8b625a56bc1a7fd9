#!/usr/bin/env node
// The example journey, run by `pnpm example` at the repository root after the build:
// migrate, status, check, make a migration from a model change, test it, migrate, rollback — with the real
// `justscale` binary on embedded PostgreSQL (PGlite). It works on a copy of the app in
// .justscale/journey (git-ignored) and removes it at the end, so the repository stays clean.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const app = dirname(dirname(fileURLToPath(import.meta.url)));
const work = join(app, '.justscale', 'journey');
const require = createRequire(import.meta.url);
const bin = join(dirname(require.resolve('@justscale/cli/package.json')), 'dist', 'bin.js');
const keep = process.argv.includes('--keep');

if (!existsSync(bin)) {
  console.error(
    `The CLI is not built (${relative(process.cwd(), bin)} is missing): run pnpm example from the root.`,
  );
  process.exit(1);
}

const bold = (s) => (process.stdout.isTTY && !process.env.NO_COLOR ? `\u001b[1m${s}\u001b[22m` : s);
let step = 0;

/** Runs one `justscale` command in the copy, printing it and its output; stops on an unexpected exit code. */
function justscale(title, args, expected = 0) {
  step++;
  console.log(`\n${bold(`${step}. ${title}`)}\n$ justscale ${args.join(' ')}`);
  // DATABASE_URL is removed so the journey always shows the embedded default.
  const env = { ...process.env, DATABASE_URL: '' };
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: work, env, stdio: 'inherit' });
  if (result.status !== expected) {
    console.error(`\nStep ${step} exited with ${result.status} (expected ${expected}).`);
    cleanup();
    process.exit(1);
  }
}

function cleanup() {
  if (!keep) rmSync(work, { recursive: true, force: true });
}

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
for (const entry of ['justscale.config.ts', 'src', 'migrations'])
  cpSync(join(app, entry), join(work, entry), { recursive: true });
console.log(`Working in ${relative(process.cwd(), work)} (a copy of apps/example; removed at the end).`);

justscale('Apply the migrations (hand-written, generated, seeder) to a fresh embedded database', ['migrate']);
justscale('See what is applied', ['migrate', 'status']);
justscale('CI: the migrations give the schema the models describe (replayed on in-memory PGlite)', [
  'migrate',
  'check',
]);
justscale(
  'Models changed (src/models-v2.ts adds users.phone) and no migration yet: check exits 4',
  ['migrate', 'check', '--models', 'src/models-v2.ts'],
  4,
);
justscale('Models changed (src/models-v2.ts adds users.phone): generate a migration from them', [
  'migrate',
  'make',
  'add_phone_to_users',
  '--models',
  'src/models-v2.ts',
]);
const made = readdirSync(join(work, 'migrations')).find((name) => name.endsWith('_add_phone_to_users.ts'));
if (!made) {
  console.error('migrate make wrote no file.');
  cleanup();
  process.exit(1);
}
console.log(`\n--- migrations/${made} ---\n${readFileSync(join(work, 'migrations', made), 'utf8')}---`);
justscale('Every migration runs up, down and up again on a scratch database, and ends at the models', [
  'migrate',
  'test',
  '--models',
  'src/models-v2.ts',
]);
justscale('It is pending: status --check exits 4', ['migrate', 'status', '--check'], 4);
justscale('Apply it', ['migrate']);
justscale('The models and the database agree: nothing more to generate', [
  'migrate',
  'make',
  'nothing_left',
  '--models',
  'src/models-v2.ts',
  '--dry-run',
]);
justscale('Roll the last batch back', ['migrate', 'rollback']);
justscale('Status after the rollback', ['migrate', 'status']);

cleanup();
console.log(`\n${bold('The journey is complete.')}${keep ? ` Kept ${relative(process.cwd(), work)}.` : ''}`);
