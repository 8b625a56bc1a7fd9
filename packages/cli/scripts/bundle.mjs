#!/usr/bin/env node
// Bundles the `justscale` binary (src/bin.ts) into dist/bin.js, after tsc: start-up then reads a few
// files instead of about 150 modules (resolving, reading and compiling each one was most of the start
// of a short command). Run from packages/cli: `tsc -p tsconfig.build.json && node scripts/bundle.mjs`.
//
// - What the commands load lazily stays lazy: every `import()` becomes a chunk in dist/chunks/, so a
//   command loads its own code only (`--help` loads bin.js alone, PGlite's driver only for PGlite).
// - Packages of this workspace are bundled, but for those whose objects a user's own modules make
//   (models, the meta-package, the drivers and errors): those stay the copy in node_modules that the
//   user's files import.
// - picocolors and zod are bundled (see `inlined`).
// - Every other package (pg, yargs, jiti, PGlite, ...) is external: loaded from node_modules as
//   before, with its own files (yargs' locales, PGlite's WebAssembly) where it expects them.
// - pg (and its dependencies) is bundled on its own, in one CommonJS file (dist/pg.cjs) that the
//   binary's database module loads instead of pg's forty modules from node_modules: the pg Pool of a
//   `--database-url` run is the binary's own business. driver-pg stays the one copy in node_modules;
//   a pg client a user's config makes is theirs, and works with it as before (driver-pg needs no
//   class of pg's: it reads clients by their shape and streams with the client's own `Client.Query`).
// - Files read beside a module at run time: introspection's `.sql` queries are inlined (they are
//   not beside a chunk), and the version is defined (`../package.json` is not beside a chunk).
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
// What a user's own code can make and hand over (a config's Driver, its errors) stays the one copy in
// node_modules too: a second, bundled copy would fail `instanceof` checks on those objects.
const unbundled = new Set([
  '@justscale/models',
  '@justscale/postgres',
  '@justscale/errors',
  '@justscale/driver',
  '@justscale/driver-pg',
  '@justscale/driver-pglite',
  '@justscale/driver-postgres',
]);

// Third-party packages bundled all the same: small or private to the CLI, stateless, and no object of
// theirs crosses to or from a user's code. picocolors, a CommonJS module every command loads, would
// otherwise be resolved and scanned for its exports on each start; zod validates the config (its ~100
// files, read one by one, were a third of a short command's start with a config file).
const inlined = new Set(['picocolors', 'zod']);

// The text tsc emits for introspect's query loader (src/queries.ts), replaced by a lookup.
const QUERY_LOADER = ['readFileSync(new URL(`./queries/$', "{name}.sql`, import.meta.url), 'utf8')"].join('');

/** @type {import('esbuild').Plugin} */
const workspace = {
  name: 'justscale-workspace',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = args.path
        .split('/')
        .slice(0, args.path.startsWith('@') ? 2 : 1)
        .join('/');
      if (name.startsWith('@justscale/') && !unbundled.has(name)) return undefined;
      if (inlined.has(name)) return undefined;
      return { path: args.path, external: true };
    });
    b.onLoad({ filter: /[\\/]introspect[\\/]dist[\\/]queries\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes(QUERY_LOADER))
        throw new Error(
          `${args.path} no longer reads its queries with ${QUERY_LOADER}: update scripts/bundle.mjs`,
        );
      const dir = join(dirname(args.path), 'queries');
      const files = (await readdir(dir)).filter((f) => f.endsWith('.sql'));
      const texts = Object.fromEntries(
        await Promise.all(files.map(async (f) => [f.slice(0, -4), await readFile(join(dir, f), 'utf8')])),
      );
      return {
        contents: `const QUERY_TEXTS = ${JSON.stringify(texts)};\n${source.replace(QUERY_LOADER, 'QUERY_TEXTS[name]')}`,
        loader: 'js',
        resolveDir: dirname(args.path),
      };
    });
  },
};

await rm(join(root, 'dist', 'chunks'), { recursive: true, force: true });
const binary = await build({
  absWorkingDir: root,
  entryPoints: { bin: 'src/bin.ts' },
  metafile: true,
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.11',
  allowOverwrite: true,
  legalComments: 'none',
  logLevel: 'warning',
  define: { JUSTSCALE_CLI_VERSION: JSON.stringify(pkg.version), JUSTSCALE_BUNDLED_PG: '"../pg.cjs"' },
  plugins: [workspace],
});
// JUSTSCALE_BUNDLED_PG is relative to a chunk: the module that loads pg must not land in bin.js.
if ((await readFile(join(root, 'dist', 'bin.js'), 'utf8')).includes('pg.cjs'))
  throw new Error('dist/bin.js loads pg.cjs: JUSTSCALE_BUNDLED_PG (../pg.cjs) is relative to dist/chunks/');
const bundledPg = await build({
  absWorkingDir: root,
  stdin: { contents: "module.exports = require('pg');", resolveDir: root, sourcefile: 'pg.cjs' },
  metafile: true,
  outfile: 'dist/pg.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.11',
  legalComments: 'eof',
  logLevel: 'warning',
  // pg-native (pg's optional native binding) and pg-cloudflare (Cloudflare Workers only) are loaded
  // by pg only when asked for; they stay what they are, optional.
  external: ['pg-native', 'pg-cloudflare'],
});
// The licences of the third-party packages bundled in the binary (picocolors, zod) and in pg.cjs, in
// one file beside them (they are MIT and ISC: their notices go with every copy).
/** The package folders a build's metafile read files from. */
const packageRootsOf = (metafile) =>
  new Set(
    Object.keys(metafile.inputs)
      .map((input) => input.match(/^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//)?.[1])
      .filter((dir) => dir !== undefined),
  );
/** Each package's name, version, licence and its licence file's text. */
const licencesOf = async (dirs) => {
  const licences = [];
  for (const dir of [...dirs].sort()) {
    const { name, version, license } = JSON.parse(await readFile(join(root, dir, 'package.json'), 'utf8'));
    const file = (await readdir(join(root, dir))).find((f) => /^licen[cs]e/i.test(f));
    const text = file === undefined ? '' : `\n${(await readFile(join(root, dir, file), 'utf8')).trim()}\n`;
    licences.push(`${name}@${version} (${license})${text}`);
  }
  return licences.join('\n---\n\n');
};
await writeFile(
  join(root, 'dist', 'pg.cjs.LICENSES.txt'),
  `Packages bundled in pg.cjs, with their licences:\n\n${await licencesOf(packageRootsOf(bundledPg.metafile))}`,
);
await writeFile(
  join(root, 'dist', 'bin.LICENSES.txt'),
  `Packages bundled in bin.js and chunks/, with their licences:\n\n${await licencesOf(packageRootsOf(binary.metafile))}`,
);
