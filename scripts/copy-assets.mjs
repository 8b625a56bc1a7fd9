#!/usr/bin/env node
// Copies a package's non-TypeScript assets (src/**/*.sql) to dist/, keeping their paths, so that
// code that loads them with `new URL('./x.sql', import.meta.url)` finds them after the build.
// Run from the package's folder: `tsc -p tsconfig.build.json && node ../../scripts/copy-assets.mjs`.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const EXTENSIONS = ['.sql'];
const src = join(process.cwd(), 'src');
const dist = join(process.cwd(), 'dist');

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (EXTENSIONS.some((ext) => entry.name.endsWith(ext))) yield path;
  }
}

let count = 0;
for (const file of walk(src)) {
  const target = join(dist, relative(src, file));
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(file, target);
  count++;
}
console.log(`copy-assets: ${count} file(s) from src/ to dist/`);
