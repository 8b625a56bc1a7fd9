// Packs every package with `pnpm pack`, installs the tarballs into a scratch project outside the
// workspace, and runs the seed's journey there on embedded PGlite: models, a migration file, the
// runner, generateMigration, and the `justscale` binary. What users install is what this tests.
// Run: pnpm --filter @justscale/docs-check pack-install   (builds first; not part of `pnpm test`)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'justscale-pack-'));
const tarballs = join(scratch, 'tarballs');
mkdirSync(tarballs);
const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

// The tarballs hold dist/: build first (turbo: cached when nothing changed).
run('npx', ['turbo', 'run', 'build', '--filter=./packages/*', '--output-logs=errors-only'], root);
const overrides = {};
for (const dir of readdirSync(join(root, 'packages')).sort()) {
  const before = new Set(readdirSync(tarballs));
  run('pnpm', ['pack', '--pack-destination', tarballs], join(root, 'packages', dir));
  const file = readdirSync(tarballs).find((f) => !before.has(f));
  const name = file.replace(/-\d+\.\d+\.\d+.*\.tgz$/, '').replace(/^justscale-/, '@justscale/');
  overrides[name] = `file:${join(tarballs, file)}`;
  // Only what users need: README, licence, package.json and dist, no sources, tests or source maps.
  const entries = run('tar', ['tzf', join(tarballs, file)], root)
    .trim()
    .split('\n');
  for (const needed of ['package/README.md', 'package/LICENSE', 'package/package.json']) {
    if (!entries.includes(needed)) throw new Error(`${file} lacks ${needed}`);
  }
  const extra = entries.filter((e) => /^package\/(src|test)\//.test(e) || e.endsWith('.map'));
  if (extra.length > 0) throw new Error(`${file} ships ${extra.slice(0, 5).join(', ')}`);
}
const app = join(scratch, 'app');
mkdirSync(join(app, 'migrations'), { recursive: true });
writeFileSync(
  join(app, 'package.json'),
  JSON.stringify(
    {
      name: 'scratch',
      private: true,
      type: 'module',
      dependencies: {
        '@justscale/postgres': overrides['@justscale/postgres'],
        '@justscale/cli': overrides['@justscale/cli'],
        '@electric-sql/pglite': '*',
      },
    },
    null,
    2,
  ),
);
// pnpm reads overrides from pnpm-workspace.yaml: every @justscale/* dependency is its tarball.
const overrideLines = Object.entries(overrides).map(([name, spec]) => `  '${name}': '${spec}'`);
writeFileSync(
  join(app, 'pnpm-workspace.yaml'),
  `allowBuilds:\n  esbuild: true\noverrides:\n${overrideLines.join('\n')}\n`,
);
writeFileSync(
  join(app, 'migrations', '20260101000000_users.ts'),
  `import { defineMigration, field } from '@justscale/postgres';
export default defineMigration({
  async up({ db }) {
    await db.createTable('users', { id: field.uuid().primaryKey(), email: field.string().max(255).unique() });
    await db.insert('users', { email: 'ada@example.com' });
  },
  async down({ db }) { await db.dropTable('users'); },
});
`,
);
writeFileSync(
  join(app, 'journey.mjs'),
  `import { createMigrationRunner, createPgliteDriver, defineModel, field, generateMigration } from '@justscale/postgres';
const driver = await createPgliteDriver();
try {
  const runner = createMigrationRunner(driver, { directory: './migrations' });
  const applied = await runner.migrate();
  if (applied.length !== 1) throw new Error('expected one migration');
  const Users = defineModel('users', { id: field.uuid().primaryKey(), email: field.string().max(255).unique(), name: field.text().optional() });
  const change = await generateMigration(driver, Users);
  if (!change.hasChanges || !/ADD COLUMN/.test(change.sql)) throw new Error('expected ADD COLUMN, got ' + change.sql);
  await runner.rollback();
  console.log('journey ok:', applied.map((m) => m.name).join(', '));
} finally {
  await driver.close();
}
`,
);
try {
  run('pnpm', ['install', '--prefer-offline'], app);
  process.stdout.write(run('node', ['journey.mjs'], app));
  const status = run('npx', ['justscale', 'migrate', '--database-url', `pglite:${join(app, 'db')}`], app);
  process.stdout.write(status);
  console.log('packed tarballs install and run: ok');
} finally {
  if (!process.env.KEEP_SCRATCH) rmSync(scratch, { recursive: true, force: true });
}
