import { createHash } from 'node:crypto';
import { mkdir, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lightenImports } from './light-imports.js';

/** A migration module to transpile: its path and the bytes that were checksummed. */
export interface ModuleSource {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/**
 * How a module loads: `native`, Node's own `import()` of `file` (an ES module in the cache folder);
 * `jiti`, through jiti, for what a cached copy cannot do (relative imports, `require`, CommonJS,
 * `import.meta.resolve`), or when esbuild refused the file (jiti then reports the error as before).
 */
export type TranspiledModule = { readonly kind: 'native'; readonly file: string } | { readonly kind: 'jiti' };

/** Bumped when the transpile below changes, so older cache entries are not used. */
const FORMAT = '2';

const require = createRequire(import.meta.url);
let esbuildVersion: string | undefined;

/** The cache key of `source`: what is transpiled and how (the path is in the output, see `defines`). */
function cacheKey(source: ModuleSource): string {
  esbuildVersion ??= (require('esbuild/package.json') as { version: string }).version;
  return createHash('sha256')
    .update(`justscale-migration\0${FORMAT}\0${esbuildVersion}\0${resolve(source.path)}\0`)
    .update(source.bytes)
    .digest('hex')
    .slice(0, 20);
}

/** Cache file names of `source`: `<file name>.<key>.mjs`, or `.jiti` for a module jiti loads. */
function cacheNames(source: ModuleSource): { native: string; jiti: string } {
  const stem = `${basename(source.path, extname(source.path))}.${cacheKey(source)}`;
  return { native: `${stem}.mjs`, jiti: `${stem}.jiti` };
}

/**
 * Transpiles migration modules (`.ts`, `.mts`, `.js`) to ES modules under `cacheDir`, in one pass
 * of esbuild over every file whose cached output is missing, keyed by a hash of the file's bytes,
 * its path and the transpiler's version: an unchanged file is never transpiled again, an edited
 * one always is, and esbuild is not even loaded when everything is cached. `cacheDir` must be in
 * the project's `node_modules` (see `projectCacheDir`), so the packages a migration imports resolve
 * from the cached copy as they do from the file itself.
 *
 * @example
 * const modules = await transpileModules([{ path: '/app/migrations/001_init.ts', bytes }], cacheDir);
 * modules.get('/app/migrations/001_init.ts'); // { kind: 'native', file: '/app/node_modules/.cache/…/001_init.<key>.mjs' }
 */
export async function transpileModules(
  sources: readonly ModuleSource[],
  cacheDir: string,
): Promise<Map<string, TranspiledModule>> {
  const cached = new Set(await readdir(cacheDir).catch(() => [] as string[]));
  const result = new Map<string, TranspiledModule>();
  const missing: ModuleSource[] = [];
  for (const source of sources) {
    const names = cacheNames(source);
    if (cached.has(names.native))
      result.set(source.path, { kind: 'native', file: join(cacheDir, names.native) });
    else if (cached.has(names.jiti)) result.set(source.path, { kind: 'jiti' });
    else missing.push(source);
  }
  if (missing.length === 0) return result;
  await mkdir(cacheDir, { recursive: true });
  const esbuild = await import('esbuild');
  await Promise.all(
    missing.map(async (source) => {
      const names = cacheNames(source);
      const code = await transpileOne(esbuild, source);
      if (code === null) {
        await writeAtomically(join(cacheDir, names.jiti), '');
        result.set(source.path, { kind: 'jiti' });
      } else if (code !== undefined) {
        await writeAtomically(join(cacheDir, names.native), code);
        result.set(source.path, { kind: 'native', file: join(cacheDir, names.native) });
      } else {
        result.set(source.path, { kind: 'jiti' });
      }
    }),
  );
  // Only a run that writes prunes: a run with everything cached stays a read.
  const inUse = new Set([...result.values()].flatMap((m) => (m.kind === 'native' ? [basename(m.file)] : [])));
  for (const source of sources) inUse.add(cacheNames(source).jiti);
  await pruneCache(cacheDir, cached, inUse);
  return result;
}

/** How long an entry of the cache stays when nothing writes it again (an edited file's old copy). */
export const CACHE_ENTRY_DAYS = 30;
/** How many bundles stay (one per pending set: a new migration makes a new one). */
export const CACHE_BUNDLES = 8;

/**
 * Removes from `cacheDir` what no run is likely to read again, so the cache does not grow with every
 * edit of a migration: copies and bundles last written more than `CACHE_ENTRY_DAYS` ago (but those in
 * `inUse`), bundles beyond the `CACHE_BUNDLES` newest, and temporary files of interrupted writes older
 * than an hour. A copy removed while another run is about to import it costs that run a slower load
 * (its modules one by one, or through jiti), never a failure; a later run transpiles it again.
 */
async function pruneCache(
  cacheDir: string,
  names: ReadonlySet<string>,
  inUse: ReadonlySet<string>,
): Promise<void> {
  const now = Date.now();
  const entries = await Promise.all(
    [...names].map(async (name) => ({
      name,
      modified: (await stat(join(cacheDir, name)).catch(() => null))?.mtimeMs ?? now,
    })),
  );
  const expired = (e: { modified: number }, days: number) => now - e.modified > days * 86_400_000;
  const bundles = entries.filter((e) => e.name.startsWith('bundle.')).sort((a, b) => b.modified - a.modified);
  const doomed = [
    ...bundles.filter((e, i) => i >= CACHE_BUNDLES || expired(e, CACHE_ENTRY_DAYS)),
    ...entries.filter(
      (e) =>
        !e.name.startsWith('bundle.') &&
        !inUse.has(e.name) &&
        (e.name.endsWith('.tmp') ? expired(e, 1 / 24) : expired(e, CACHE_ENTRY_DAYS)),
    ),
  ];
  await Promise.all(doomed.map((e) => unlink(join(cacheDir, e.name)).catch(() => undefined)));
}

type Esbuild = typeof import('esbuild');

/**
 * The ES module of one file, or null when only jiti can run it (a fact of the file, cached), or
 * undefined when esbuild refused it (a syntax error: not cached, jiti reports it with its line).
 */
async function transpileOne(esbuild: Esbuild, source: ModuleSource): Promise<string | null | undefined> {
  const path = resolve(source.path);
  const text = new TextDecoder().decode(source.bytes);
  const extension = extname(path);
  let built: Awaited<ReturnType<Esbuild['build']>>;
  try {
    built = await esbuild.build({
      stdin: {
        contents: text,
        sourcefile: path,
        resolveDir: dirname(path),
        loader: extension === '.js' ? 'js' : 'ts',
      },
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'node',
      target: `node${process.versions.node.split('.')[0]}`,
      logLevel: 'silent',
      // The copy runs from the cache folder: what names the file itself must still name the file.
      define: defines(path),
      // Nothing is bundled: every import stays an import, resolved by Node from the cached copy.
      plugins: [
        {
          name: 'justscale-external',
          setup(build) {
            build.onResolve({ filter: /.*/ }, (args) => ({ path: args.path, external: true }));
          },
        },
      ],
    });
  } catch {
    return undefined;
  }
  const input = Object.values(built.metafile?.inputs ?? {})[0];
  const code = built.outputFiles?.[0]?.text;
  if (input === undefined || code === undefined) return null;
  const native =
    input.format === 'esm' &&
    input.imports.every(
      (entry) =>
        (entry.kind === 'import-statement' || entry.kind === 'dynamic-import') &&
        isPackageSpecifier(entry.path),
    ) &&
    // `import.meta.resolve` and the like would answer for the cached copy, and so would an
    // `import()` of a computed specifier (esbuild lists only the literal ones).
    !code.includes('import.meta') &&
    count(code, /\bimport\s*\(/g) <= input.imports.filter((entry) => entry.kind === 'dynamic-import').length;
  return native ? `${lightenImports(code)}//# sourceURL=${path}\n` : null;
}

/** `pg`, `@justscale/postgres`, `node:fs`: resolved the same from the cached copy. Not `./x`, `/x`, `#x`. */
function isPackageSpecifier(specifier: string): boolean {
  return !/^[./#]/.test(specifier) && !/^[a-z][a-z0-9+.-]*:/i.test(specifier.replace(/^node:/, ''));
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function defines(path: string): Record<string, string> {
  const url = pathToFileURL(path).href;
  return {
    'import.meta.url': JSON.stringify(url),
    'import.meta.filename': JSON.stringify(path),
    'import.meta.dirname': JSON.stringify(dirname(path)),
    __filename: JSON.stringify(path),
    __dirname: JSON.stringify(dirname(path)),
  };
}

/** Writes `path` through a temporary file and a rename, so a concurrent run never reads half of it. */
async function writeAtomically(path: string, contents: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temporary, contents);
  await rename(temporary, path);
}

/**
 * One ES module that re-exports every module of `files` (cached copies made by `transpileModules`,
 * in order) as `m0`, `m1`, ...: esbuild bundles them into one file under `cacheDir`, kept under a
 * hash of their names (which hash their contents), so the same pending set is bundled once. Node
 * then reads, compiles and links one module rather than hundreds, each its own file reads.
 *
 * @example
 * const bundle = await bundleModules([first.file, second.file], cacheDir);
 * const { m0, m1 } = await import(pathToFileURL(bundle).href);
 */
export async function bundleModules(files: readonly string[], cacheDir: string): Promise<string> {
  const key = createHash('sha256')
    .update(`justscale-bundle\0${FORMAT}\0`)
    .update(files.map((file) => basename(file)).join('\0'))
    .digest('hex')
    .slice(0, 20);
  const bundle = join(cacheDir, `bundle.${key}.mjs`);
  if ((await readdir(cacheDir).catch(() => [] as string[])).includes(basename(bundle))) return bundle;
  const esbuild = await import('esbuild');
  const built = await esbuild.build({
    stdin: {
      contents: files
        .map((file, i) => `export * as m${i} from ${JSON.stringify(`./${basename(file)}`)};\n`)
        .join(''),
      resolveDir: cacheDir,
      sourcefile: 'justscale-migrations.mjs',
      loader: 'js',
    },
    bundle: true,
    packages: 'external',
    write: false,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    logLevel: 'silent',
  });
  await writeAtomically(bundle, built.outputFiles[0]!.text);
  const names = new Set(await readdir(cacheDir).catch(() => [] as string[]));
  await pruneCache(cacheDir, names, new Set([basename(bundle), ...files.map((file) => basename(file))]));
  return bundle;
}
