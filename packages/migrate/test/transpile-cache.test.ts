import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jitiLoader, transpileCacheDir } from '../src/files/default-io.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'justscale-transpile-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const source = (table: string) =>
  `const table: string = '${table}';\nexport default { up: async (): Promise<string> => table };\n`;

describe('transpiled migration files are cached by content', () => {
  it("goes under the project's node_modules/.cache/justscale, else the temporary folder", async () => {
    await mkdir(join(root, 'node_modules'));
    await mkdir(join(root, 'db', 'migrations'), { recursive: true });
    expect(transpileCacheDir(join(root, 'db', 'migrations', '001_a.ts'))).toBe(
      join(root, 'node_modules', '.cache', 'justscale'),
    );
    expect(transpileCacheDir('/001_a.ts')).toBe(join(tmpdir(), 'justscale-cache'));
  });

  it('a second run reads the cache, and an edited file is transpiled afresh', async () => {
    await mkdir(join(root, 'node_modules'));
    await mkdir(join(root, 'migrations'));
    const file = join(root, 'migrations', '001_a.ts');
    await writeFile(file, source('first'));
    const load = async () => {
      const module = (await jitiLoader().import(file)) as { default: { up(): Promise<string> } };
      return module.default.up();
    };
    expect(await load()).toBe('first');
    const cache = join(root, 'node_modules', '.cache', 'justscale');
    const cached = await readdir(cache);
    expect(cached).toHaveLength(1);
    const entry = join(cache, cached[0]!);
    const written = (await stat(entry)).mtimeMs;
    expect(await load()).toBe('first');
    // A hit is read, not written again.
    expect((await stat(entry)).mtimeMs).toBe(written);
    await writeFile(file, source('edited'));
    expect(await load()).toBe('edited');
    // The edited source has a new entry or an overwritten one; it never runs the old code.
    expect((await readdir(cache)).length).toBeGreaterThanOrEqual(1);
  });
});
