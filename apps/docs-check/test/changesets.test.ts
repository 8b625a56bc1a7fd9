import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The release, rehearsed on a copy of the repository (the working tree is never touched): every
// package of packages/ is versioned by changesets, `changeset version` consumes the pending
// changesets (and one the rehearsal adds, naming every package) and moves the versions, and `pnpm publish -r --dry-run` would publish every package at
// its new version with its workspace dependencies pinned to the new versions. Needs the packages
// built (`pnpm test` builds first): the copy takes their dist/.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const copy = mkdtempSync(join(tmpdir(), 'justscale-release-'));
const packageDirs = readdirSync(join(root, 'packages')).sort();
const manifest = (base: string, dir: string) =>
  JSON.parse(readFileSync(join(base, 'packages', dir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    private?: boolean;
    dependencies?: Record<string, string>;
  };
const before = new Map(packageDirs.map((dir) => [dir, manifest(root, dir).version]));
const pending = readdirSync(join(root, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');
// Asynchronous: a test worker that blocks its event loop for long loses its connection to vitest.
const sh = async (cmd: string, args: string[], cwd = copy): Promise<string> =>
  (await promisify(execFile)(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })).stdout;

let published: { name: string; version: string }[] = [];

beforeAll(async () => {
  // The working tree's files (tracked, and new ones not ignored) and the packages' dist/.
  const files = (await sh('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], root))
    .split('\0')
    .filter((f) => f && existsSync(join(root, f)));
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(root, file), join(copy, file));
  }
  for (const dir of packageDirs) {
    cpSync(join(root, 'packages', dir, 'dist'), join(copy, 'packages', dir, 'dist'), { recursive: true });
  }
  // One more changeset naming every package (a patch), so the rehearsal moves every version even
  // right after a release, when no changeset is pending.
  const names = packageDirs.map((dir) => `"${manifest(root, dir).name}": patch`).join('\n');
  writeFileSync(join(copy, '.changeset', 'release-rehearsal.md'), `---\n${names}\n---\n\nRehearsal.\n`);
  await sh(join(root, 'node_modules', '.bin', 'changeset'), ['version']);
  // pnpm publish resolves workspace:^ through the installed links: install (from the store) first.
  await sh('pnpm', ['install', '--offline', '--frozen-lockfile', '--ignore-scripts']);
  published = JSON.parse(await sh('pnpm', ['publish', '-r', '--dry-run', '--no-git-checks', '--json']));
}, 180_000);
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('changesets', () => {
  it('versions every package of packages/ (none ignored, none private)', () => {
    const config = JSON.parse(readFileSync(join(root, '.changeset', 'config.json'), 'utf8'));
    expect(config.ignore).toEqual([]);
    expect(packageDirs.filter((dir) => manifest(root, dir).private)).toEqual([]);
  });

  it('changeset version consumes the pending changesets and writes changelogs', () => {
    const left = readdirSync(join(copy, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');
    expect(left).toEqual([]);
    for (const dir of packageDirs) {
      expect(existsSync(join(copy, 'packages', dir, 'CHANGELOG.md')), dir).toBe(true);
    }
  });

  it('moves the version of every package, and leaves the working tree alone', () => {
    for (const dir of packageDirs) {
      expect(manifest(copy, dir).version, dir).not.toBe(before.get(dir));
      expect(manifest(root, dir).version).toBe(before.get(dir));
    }
    expect(readdirSync(join(root, '.changeset')).filter((f) => pending.includes(f))).toEqual(pending);
    expect(existsSync(join(root, '.changeset', 'release-rehearsal.md'))).toBe(false);
  });

  it('a dry-run publish would publish every package at its new version', () => {
    const expected = packageDirs.map((dir) => ({
      name: manifest(copy, dir).name,
      version: manifest(copy, dir).version,
    }));
    const got = published.map(({ name, version }) => ({ name, version }));
    expect(got.sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      expected.sort((a, b) => a.name.localeCompare(b.name)),
    );
  });

  it('the published manifest pins workspace dependencies to their new versions', async () => {
    const out = join(copy, 'packed');
    mkdirSync(out, { recursive: true });
    await sh('pnpm', ['pack', '--pack-destination', out], join(copy, 'packages', 'postgres'));
    const tarball = readdirSync(out).find((f) => f.endsWith('.tgz'))!;
    const packedManifest = JSON.parse(await sh('tar', ['-xzOf', join(out, tarball), 'package/package.json']));
    const ours = Object.entries(packedManifest.dependencies as Record<string, string>).filter(([name]) =>
      name.startsWith('@justscale/'),
    );
    expect(ours.length).toBeGreaterThan(5);
    for (const [name, range] of ours) {
      const dir = name.replace('@justscale/', '');
      expect(range, name).toBe(`^${manifest(copy, dir).version}`);
    }
  });
});
