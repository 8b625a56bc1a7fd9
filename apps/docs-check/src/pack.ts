import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

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
 * be built (the tarballs hold `dist/`).
 *
 * @example
 * const packed = packWorkspace('/repo', mkdtempSync(join(tmpdir(), 'packs-')));
 */
export function packWorkspace(root: string, destination: string): Packed[] {
  return readdirSync(join(root, 'packages'))
    .sort()
    .map((dir) => {
      const json = execFileSync('pnpm', ['pack', '--json', '--pack-destination', destination], {
        cwd: join(root, 'packages', dir),
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const out = JSON.parse(json) as {
        name: string;
        version: string;
        filename: string;
        files: { path: string }[];
      };
      return {
        dir,
        name: out.name,
        version: out.version,
        tarball: out.filename,
        files: out.files.map((f) => f.path),
      };
    });
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
