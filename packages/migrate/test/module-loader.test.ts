import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  discoverMigrations,
  loadMigration,
  MigrationLoadError,
  moduleLoader,
  nodeFileSystem,
} from '../src/index.js';

// A project as users have it: migrations/ and a node_modules with a package the migrations import.
let root: string;
let migrations: string;
let cache: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'justscale-loader-'));
  migrations = join(root, 'migrations');
  cache = join(root, 'node_modules', '.cache', 'justscale', 'migrations');
  await mkdir(migrations);
  const pkg = join(root, 'node_modules', 'justscale-test-helper');
  await mkdir(pkg, { recursive: true });
  await writeFile(
    join(pkg, 'package.json'),
    '{ "name": "justscale-test-helper", "type": "module", "exports": "./index.js" }',
  );
  await writeFile(
    join(pkg, 'index.js'),
    'export const define = (m) => m;\nexport const twice = (s) => s + s;\n',
  );
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const write = async (name: string, text: string) => {
  const path = join(migrations, name);
  await writeFile(path, text);
  return path;
};
const files = () => discoverMigrations(nodeFileSystem, migrations);
type Namespace = { default: { up(): unknown } };
const cached = async () => (await readdir(cache)).sort();

describe('moduleLoader', () => {
  it('runs TypeScript natively from the cache: type-only imports, enums, satisfies, the file’s own URL', async () => {
    const path = await write(
      '001_a.ts',
      `import type { Missing } from './types-only';
import { define, twice } from 'justscale-test-helper';
enum Color { Red = 'red', Green = 'green' }
const config = { table: twice('t') } satisfies { table: string };
type Unused = Missing;
export default define({
  up: () => ({ table: config.table, color: Color.Green, url: import.meta.url, dir: __dirname, file: __filename }),
});
`,
    );
    const loader = moduleLoader();
    const module = (await loader.import(path)) as Namespace;
    expect(module.default.up()).toEqual({
      table: 'tt',
      color: 'green',
      url: pathToFileURL(path).href,
      dir: dirname(path),
      file: path,
    });
    expect((await cached()).filter((f) => f.endsWith('.mjs'))).toEqual([
      expect.stringMatching(/^001_a\.[0-9a-f]{20}\.mjs$/),
    ]);
  });

  it('loads a batch as one bundle, evaluating every module afresh on each load', async () => {
    for (const name of ['001_a', '002_b', '003_c']) {
      await write(
        `${name}.ts`,
        `import { define } from 'justscale-test-helper';
const g = globalThis as { loads?: Record<string, number> };
g.loads ??= {};
g.loads['${name}'] = (g.loads['${name}'] ?? 0) + 1;
export default define({ up: (): string => '${name}' });
`,
      );
    }
    const found = await files();
    for (let round = 1; round <= 2; round++) {
      const loader = moduleLoader();
      await loader.prepare(found);
      const loaded = await Promise.all(found.map((file) => loadMigration(file, loader)));
      expect(loaded.map((m) => (m.up as unknown as () => string)())).toEqual(['001_a', '002_b', '003_c']);
      expect((globalThis as { loads?: Record<string, number> }).loads).toEqual({
        '001_a': round,
        '002_b': round,
        '003_c': round,
      });
    }
    // One bundle for the set, reused by the second load.
    expect((await cached()).filter((f) => f.startsWith('bundle.'))).toHaveLength(1);
    delete (globalThis as { loads?: unknown }).loads;
  });

  it("loads @justscale/postgres's light entry for a file that imports defineMigration alone", async () => {
    // A stand-in package that says which of its entries ran.
    const pkg = join(root, 'node_modules', '@justscale', 'postgres');
    await mkdir(pkg, { recursive: true });
    await writeFile(
      join(pkg, 'package.json'),
      '{ "name": "@justscale/postgres", "type": "module", "exports": { ".": "./index.js", "./migration": "./migration.js" } }',
    );
    const entry = (name: string, extra: string) =>
      `(globalThis.entries ??= []).push('${name}');\nexport const defineMigration = (m) => m;\n${extra}`;
    await writeFile(join(pkg, 'index.js'), entry('full', "export const diff = 'diff';\n"));
    await writeFile(join(pkg, 'migration.js'), entry('light', ''));
    const g = globalThis as { entries?: string[] };
    const light = await write(
      '001_light.ts',
      "import { defineMigration } from '@justscale/postgres';\nexport default defineMigration({ up: (): string => 'light' });\n",
    );
    expect(((await moduleLoader().import(light)) as Namespace).default.up()).toBe('light');
    expect(g.entries).toEqual(['light']);
    const full = await write(
      '002_full.ts',
      "import { defineMigration, diff } from '@justscale/postgres';\nexport default defineMigration({ up: (): string => diff });\n",
    );
    expect(((await moduleLoader().import(full)) as Namespace).default.up()).toBe('diff');
    expect(g.entries).toEqual(['light', 'full']);
    delete g.entries;
  });

  it('an edited file is transpiled afresh; the old code never runs', async () => {
    const path = await write('001_a.ts', "export default { up: (): string => 'one' };\n");
    expect(((await moduleLoader().import(path)) as Namespace).default.up()).toBe('one');
    await write('001_a.ts', "export default { up: (): string => 'two' };\n");
    expect(((await moduleLoader().import(path)) as Namespace).default.up()).toBe('two');
    expect((await cached()).filter((f) => f.endsWith('.mjs'))).toHaveLength(2);
  });

  it('prunes what no run reads again when it writes: old copies, interrupted writes, bundles beyond the newest', async () => {
    const ago = (days: number) => new Date(Date.now() - days * 86_400_000);
    const age = async (name: string, days: number) => utimes(join(cache, name), ago(days), ago(days));
    // A copy in use, last written long ago: the cache keeps it.
    await write('001_a.ts', "export default { up: (): string => 'a' };\n");
    await moduleLoader().prepare(await files());
    const inUse = (await cached()).find((f) => f.startsWith('001_a.'))!;
    await age(inUse, 90);
    // An edited file's old copy, a recent one of another project, an interrupted write, and old bundles.
    await writeFile(join(cache, '001_a.0123456789abcdef0123.mjs'), 'export default {};\n');
    await age('001_a.0123456789abcdef0123.mjs', 40);
    await writeFile(join(cache, '007_other.fedcba9876543210fedc.mjs'), 'export default {};\n');
    await writeFile(join(cache, '001_a.x.mjs.123.abc.tmp'), '');
    await age('001_a.x.mjs.123.abc.tmp', 1);
    for (let i = 0; i < 10; i++) {
      await writeFile(join(cache, `bundle.old${i}.mjs`), 'export {};\n');
      await age(`bundle.old${i}.mjs`, 1 + i);
    }
    // A new migration is transpiled and the pending pair bundled: both writes prune.
    await write('002_b.ts', "export default { up: (): string => 'b' };\n");
    const loader = moduleLoader();
    await loader.prepare(await files());
    const loaded = await Promise.all((await files()).map((file) => loadMigration(file, loader)));
    expect(loaded.map((m) => (m.up as unknown as () => string)())).toEqual(['a', 'b']);
    const left = await cached();
    expect(left).toContain(inUse);
    expect(left).toContain('007_other.fedcba9876543210fedc.mjs');
    expect(left).not.toContain('001_a.0123456789abcdef0123.mjs');
    expect(left).not.toContain('001_a.x.mjs.123.abc.tmp');
    expect(left.filter((f) => f.startsWith('002_b.') && f.endsWith('.mjs'))).toHaveLength(1);
    const bundles = left.filter((f) => f.startsWith('bundle.'));
    // The pair's new bundle and the seven newest of the old ones.
    expect(bundles).toHaveLength(8);
    expect(bundles).toEqual(expect.arrayContaining(['bundle.old0.mjs', 'bundle.old6.mjs']));
    expect(bundles).not.toContain('bundle.old7.mjs');
    // A run with everything cached writes nothing and prunes nothing.
    await writeFile(join(cache, 'bundle.older.mjs'), 'export {};\n');
    await age('bundle.older.mjs', 400);
    await moduleLoader().prepare(await files());
    expect(await cached()).toContain('bundle.older.mjs');
  });

  it('leaves to jiti what a cached copy cannot do: relative imports of TypeScript, require, CommonJS', async () => {
    await write('helper.mts', 'export const table: string = "from_helper";\n');
    const relative = await write(
      '001_a.ts',
      "import { table } from './helper.mjs';\nexport default { up: (): string => table };\n",
    );
    const required = await write(
      '002_b.ts',
      "const { twice } = require('justscale-test-helper');\nexport default { up: (): string => twice('r') };\n",
    );
    await writeFile(join(migrations, 'package.json'), '{ "type": "commonjs" }');
    const commonjs = await write('003_c.js', "module.exports = { up: () => 'cjs' };\n");
    const loader = moduleLoader();
    await loader.prepare(await files());
    expect(((await loader.import(relative)) as Namespace).default.up()).toBe('from_helper');
    expect(((await loader.import(required)) as Namespace).default.up()).toBe('rr');
    const cjs = (await loader.import(commonjs)) as { default: { up(): string } };
    expect(cjs.default.up()).toBe('cjs');
    // The decision is cached with the file's hash, so the next run does not transpile them again.
    expect((await cached()).filter((f) => f.endsWith('.jiti'))).toHaveLength(3);
  });

  it('names the failing file of a batch: a throw at load, a missing package, a syntax error with its line', async () => {
    await write('001_a.ts', 'export default { up: (): number => 1 };\n');
    await write('002_b.ts', "throw new Error('refused at load');\nexport default { up: () => 2 };\n");
    await write(
      '003_c.ts',
      'import { x } from "justscale-no-such-module-4242";\nexport default { up: () => x };\n',
    );
    await write('004_d.ts', 'export default {\n  up() {\n    return (\n  },\n};\n');
    await write('005_e.ts', 'export default { up: (): number => 5 };\n');
    const found = await files();
    const loader = moduleLoader();
    await loader.prepare(found);
    const outcomes = await Promise.all(
      found.map((file) => loadMigration(file, loader).catch((e: unknown) => e)),
    );
    expect((outcomes[0] as { up(): number }).up()).toBe(1);
    expect((outcomes[4] as { up(): number }).up()).toBe(5);
    for (const [i, message] of [
      [1, /002_b\.ts: refused at load/],
      [2, /justscale-no-such-module-4242/],
      [3, /004_d\.ts/],
    ] as const) {
      expect(outcomes[i]).toBeInstanceOf(MigrationLoadError);
      expect((outcomes[i] as MigrationLoadError).file).toBe(found[i]!.path);
      expect((outcomes[i] as Error).message).toMatch(message);
    }
    expect((outcomes[3] as MigrationLoadError).ref?.line).toBe(4);
  });

  it('without a node_modules above the migrations, every module goes through jiti', async () => {
    const bare = await mkdtemp(join(tmpdir(), 'justscale-loader-bare-'));
    try {
      const path = join(bare, '001_a.ts');
      await writeFile(path, 'const n: number = 7;\nexport default { up: (): number => n };\n');
      expect(((await moduleLoader().import(path)) as { default: { up(): number } }).default.up()).toBe(7);
      expect(await readdir(bare)).toEqual(['001_a.ts']);
    } finally {
      await rm(bare, { recursive: true, force: true });
    }
  });
});
