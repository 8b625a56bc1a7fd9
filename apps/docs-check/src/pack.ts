import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One package of `packages/`, packed by `pnpm pack` as it would be published. */
export interface Packed {
  /** Its folder under `packages/` (`driver-pg`). */
  dir: string;
  /** `@justscale/driver-pg`. */
  name: string;
  version: string;
  /** The absolute path of the tarball. */
  tarball: string;
  /** The files in the tarball, relative to the package (`dist/index.js`, `package.json`). */
  files: string[];
}

/**
 * Packs every package of `packages/` into `destination` with `pnpm pack`, which applies
 * `publishConfig` and turns `workspace:^` into versions, as `pnpm publish` would. The packages must
 * be built (the tarballs hold `dist/`). One package at a time, without blocking the event loop (a
 * test worker that blocks for long loses its connection to vitest).
 *
 * @example
 * const packed = await packWorkspace('/repo', mkdtempSync(join(tmpdir(), 'packs-')));
 */
export async function packWorkspace(root: string, destination: string): Promise<Packed[]> {
  const packed: Packed[] = [];
  for (const dir of readdirSync(join(root, 'packages')).sort()) {
    const { stdout: json } = await run('pnpm', ['pack', '--json', '--pack-destination', destination], {
      cwd: join(root, 'packages', dir),
      encoding: 'utf8',
    });
    const out = JSON.parse(json) as {
      name: string;
      version: string;
      filename: string;
      files: { path: string }[];
    };
    packed.push({
      dir,
      name: out.name,
      version: out.version,
      tarball: out.filename,
      files: out.files.map((f) => f.path),
    });
  }
  return packed;
}

/**
 * What is wrong with a tarball's file list: a README, the licence and package.json must be there,
 * and nothing users do not need (sources, tests, source maps).
 *
 * @example
 * tarballProblems(['package.json', 'dist/index.js']); // ['lacks README.md', 'lacks LICENSE']
 */
export function tarballProblems(files: readonly string[]): string[] {
  const problems = ['README.md', 'LICENSE', 'package.json']
    .filter((needed) => !files.includes(needed))
    .map((needed) => `lacks ${needed}`);
  for (const file of files) {
    if (/^(src|test|tests|bench)\//.test(file) || file.endsWith('.map') || file.endsWith('.tsbuildinfo')) {
      problems.push(`ships ${file}`);
    }
  }
  if (!files.some((f) => f.startsWith('dist/') && f.endsWith('.d.ts'))) problems.push('ships no .d.ts');
  return problems;
}
