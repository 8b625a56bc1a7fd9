import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPackageFromTarballData, Package } from '@arethetypeswrong/core';
import { requirePrerequisites } from '@justscale/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typesProblems } from '../src/attw.js';
import { runJourney, typeErrors, writeScratchApp } from '../src/journey.js';
import { type Packed, packWorkspace, tarballProblems } from '../src/pack.js';
import { type ScratchDatabase, scratchDatabase } from '../src/scratch-database.js';

// What users install is what this tests: every package of packages/ packed once with `pnpm pack`
// (needs the packages built; `pnpm test` builds first), its file list checked, its types checked by
// are-the-types-wrong, and the tarballs installed into a scratch project outside the workspace where
// the seed's examples run (src/journey.ts) on PGlite and on the DATABASE_URL server.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'justscale-packages-'));
let packed: Packed[] = [];

beforeAll(async () => {
  packed = await packWorkspace(root, scratch);
}, 300_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const packageDirs = readdirSync(join(root, 'packages')).sort();

describe('packed tarballs', () => {
  it('are one per package of packages/', () => {
    expect(packageDirs.length).toBeGreaterThanOrEqual(13);
    expect(packed.map((p) => p.dir)).toEqual(packageDirs);
    expect(packed.every((p) => p.name === `@justscale/${p.dir}`)).toBe(true);
  });

  it.each(packageDirs)('packages/%s ships README, LICENSE, package.json and dist/ only', (dir) => {
    const pkg = packed.find((p) => p.dir === dir)!;
    expect(tarballProblems(pkg.files)).toEqual([]);
  });

  it('the file check finds what is missing or extra', () => {
    expect(tarballProblems(['package.json', 'dist/index.js', 'src/index.ts', 'dist/index.js.map'])).toEqual([
      'lacks README.md',
      'lacks LICENSE',
      'ships src/index.ts',
      'ships dist/index.js.map',
      'ships no .d.ts',
    ]);
  });

  it.each(packageDirs)('packages/%s publishes every entrypoint of its exports map', (dir) => {
    // pnpm publishes publishConfig.exports in place of exports: it must be exports without the
    // workspace-only @justscale/source condition, or an entrypoint the workspace uses is missing
    // from what users install (ERR_PACKAGE_PATH_NOT_EXPORTED).
    const manifest = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));
    const published = Object.fromEntries(
      Object.entries(manifest.exports as Record<string, unknown>).map(([entry, target]) => {
        if (typeof target !== 'object' || target === null) return [entry, target];
        const { '@justscale/source': _source, ...rest } = target as Record<string, unknown>;
        return [entry, rest];
      }),
    );
    expect(
      manifest.publishConfig?.exports,
      `packages/${dir}: publishConfig.exports must be exports without @justscale/source`,
    ).toEqual(published);
  });

  it('the CLI package has its bin in the tarball', () => {
    const cli = packed.find((p) => p.dir === 'cli')!;
    const manifest = JSON.parse(readFileSync(join(root, 'packages', 'cli', 'package.json'), 'utf8'));
    expect(manifest.bin).toEqual({ justscale: './dist/bin.js' });
    expect(cli.files).toContain('dist/bin.js');
  });
});

describe('are the types wrong (esm-only profile)', () => {
  it.each(packageDirs)('packages/%s', async (dir) => {
    const pkg = packed.find((p) => p.dir === dir)!;
    const attw = createPackageFromTarballData(new Uint8Array(readFileSync(pkg.tarball)));
    expect(await typesProblems(attw)).toEqual([]);
  });

  it('reports a types path that resolves to nothing', async () => {
    const base = '/node_modules/canary';
    const canary = new Package(
      {
        [`${base}/package.json`]: JSON.stringify({
          name: 'canary',
          version: '1.0.0',
          type: 'module',
          exports: { '.': { types: './dist/missing.d.ts', default: './dist/index.js' } },
        }),
        [`${base}/dist/index.js`]: 'export const a = 1;\n',
        [`${base}/dist/index.d.ts`]: 'export declare const a: number;\n',
      },
      'canary',
      '1.0.0',
    );
    // `types` names a missing file: TypeScript falls through to `default` and finds index.d.ts beside
    // index.js by luck. Reported for the ESM modes; node10 and require() are out of the profile.
    const problems = await typesProblems(canary);
    expect(problems.map((p) => p.slice(0, p.indexOf(':')))).toEqual([
      'FallbackCondition at . (node16-esm)',
      'FallbackCondition at . (bundler)',
    ]);
  });
});

describe('the packed tarballs installed in a scratch project', () => {
  // The journey runs on PGlite always, and on the server when there is one: say when there is not.
  requirePrerequisites(it, {
    'DATABASE_URL (a PostgreSQL server: the journey runs there too)': Boolean(process.env.DATABASE_URL),
  });
  let database: ScratchDatabase | undefined;
  beforeAll(async () => {
    if (process.env.DATABASE_URL) database = await scratchDatabase(process.env.DATABASE_URL);
  });
  afterAll(() => database?.drop());

  it('keeps the type errors of our declarations and the app, not of other libraries', () => {
    const output = [
      'api.ts(3,1): error TS2304: Cannot find name x.',
      '  more about it',
      'node_modules/.pnpm/@electric-sql+pglite@0.5.16/node_modules/@electric-sql/pglite/dist/a.d.ts(1,2): error TS2503: no',
      '  its detail',
      'node_modules/.pnpm/@justscale+cli@file+x/node_modules/@justscale/cli/dist/c.d.ts(1,36): error TS7016: yargs',
    ].join('\n');
    expect(typeErrors(output)).toEqual([
      'api.ts(3,1): error TS2304: Cannot find name x.\n  more about it',
      'node_modules/.pnpm/@justscale+cli@file+x/node_modules/@justscale/cli/dist/c.d.ts(1,36): error TS7016: yargs',
    ]);
  });

  it('type-check and run the seed examples: the API, then justscale migrate, status, make, pending, rollback, fresh', async () => {
    const app = join(scratch, 'app');
    writeScratchApp(root, app, packed);
    const log: string[] = [];
    await runJourney(app, database?.url, (line) => log.push(line));
    expect(log).toContain('seed API journey ok on PGlite');
    if (database) expect(log).toContain('seed API journey ok on the server');
    expect(log.filter((l) => l.startsWith('$ justscale migrate rollback'))).toHaveLength(database ? 2 : 1);
  }, 600_000);
});
