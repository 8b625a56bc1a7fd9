import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { usageError } from '../errors.js';
import { redactUrl } from '../redact.js';
import { nameProblem } from './names.js';

/** Where the database comes from, after flags, environment and config file. */
export type DatabaseSource =
  | { readonly kind: 'url'; readonly url: string; readonly from: 'flag' | 'env' | 'config' }
  | {
      readonly kind: 'pglite';
      readonly dataDir: string;
      readonly from: 'flag' | 'env' | 'config' | 'embedded';
    }
  | {
      readonly kind: 'client';
      readonly client: object;
      /** True for a client made by the config file: the command ends it when it is done. */
      readonly owned: boolean;
    };

/** The configuration every command runs with. Paths are absolute. */
export interface ResolvedConfig {
  readonly root: string;
  readonly file: string | null;
  readonly database: DatabaseSource;
  readonly migrations: {
    readonly directory: string;
    readonly table: string;
    readonly schema: string;
    readonly importFrom: string;
  };
  readonly models: string | null;
  readonly schemas: readonly string[];
  readonly renames: string | null;
  /**
   * A client the config file made although a flag or `DATABASE_URL` chose another database: the
   * command ends it, or its open connections would keep the process alive.
   */
  readonly unusedClient?: object | undefined;
  /** `fleet` from the config file: its targets, or a query (run on `database`) that finds them. */
  readonly fleet: {
    readonly targets: readonly string[] | null;
    readonly query: string | null;
    readonly database: string | null;
  } | null;
}

/** The flags that override the config file. */
export interface ConfigFlags {
  readonly config?: string | undefined;
  readonly databaseUrl?: string | undefined;
  readonly migrations?: string | undefined;
  readonly table?: string | undefined;
  readonly models?: string | undefined;
}

/** The embedded default's data directory, relative to the project root. */
export const embeddedDataDir = '.justscale/pglite';

/** A database URL string as a source: `pglite:<dir>` is embedded PostgreSQL in `<dir>`. */
export function sourceOf(url: string, root: string, from: 'flag' | 'env' | 'config'): DatabaseSource {
  if (url.startsWith('pglite:')) {
    const dir = url.slice('pglite:'.length).replace(/^\/\/(?=\/)/, '');
    return { kind: 'pglite', dataDir: resolve(root, dir === '' ? embeddedDataDir : dir), from };
  }
  if (!/^postgres(ql)?:\/\//i.test(url)) {
    const where = { flag: '--database-url', env: 'DATABASE_URL', config: 'database in the config file' }[
      from
    ];
    throw usageError(
      `${where} must be a postgres:// or postgresql:// URL, or pglite:<directory>; got ${redactUrl(url)}`,
      'CONFIG_INVALID',
    );
  }
  return { kind: 'url', url, from };
}

/**
 * Loads the config file and applies, in increasing precedence: defaults, the file, `DATABASE_URL`,
 * flags. With no database anywhere, the embedded default: PGlite in `.justscale/pglite`.
 */
export async function resolveConfig(
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
  flags: ConfigFlags,
): Promise<ResolvedConfig> {
  // Loaded on demand: jiti and zod stay out of `--help`.
  const { loadConfig } = await import('./load.js');
  const { file, config } = await loadConfig(cwd, flags.config);
  const root = file === null ? cwd : dirname(file);
  const fromRoot = (path: string) => (isAbsolute(path) ? path : resolve(root, path));
  const fromCwd = (path: string) => (isAbsolute(path) ? path : resolve(cwd, path));

  let database: DatabaseSource;
  const envUrl = env.DATABASE_URL;
  if (flags.databaseUrl !== undefined && flags.databaseUrl !== '')
    database = sourceOf(flags.databaseUrl, cwd, 'flag');
  else if (envUrl !== undefined && envUrl !== '') database = sourceOf(envUrl, cwd, 'env');
  else if (typeof config.database === 'string') database = sourceOf(config.database, root, 'config');
  else if (config.database !== undefined) database = { kind: 'client', client: config.database, owned: true };
  else database = { kind: 'pglite', dataDir: resolve(root, embeddedDataDir), from: 'embedded' };

  const models = flags.models ?? undefined;
  const unusedClient =
    config.database !== undefined && typeof config.database !== 'string' && database.kind !== 'client'
      ? config.database
      : undefined;
  return {
    ...(unusedClient === undefined ? {} : { unusedClient }),
    root,
    file,
    database,
    migrations: {
      directory: flags.migrations
        ? fromCwd(flags.migrations)
        : fromRoot(config.migrations?.directory ?? './migrations'),
      table:
        flags.table !== undefined ? checkTableFlag(flags.table) : (config.migrations?.table ?? '_migrations'),
      schema: config.migrations?.schema ?? 'public',
      importFrom: config.migrations?.importFrom ?? '@justscale/postgres',
    },
    models: models !== undefined ? fromCwd(models) : config.models ? fromRoot(config.models) : null,
    schemas: config.schemas ?? ['public'],
    renames: config.renames ? fromRoot(config.renames) : null,
    fleet:
      config.fleet === undefined
        ? null
        : {
            targets: config.fleet.targets ?? null,
            query: config.fleet.query ?? null,
            database: config.fleet.database ?? null,
          },
  };
}

/** `--table`: a name PostgreSQL can hold as given. */
function checkTableFlag(table: string): string {
  const problem = nameProblem(table);
  if (problem !== null) throw usageError(`--table ${JSON.stringify(table)}: ${problem}`, 'CONFIG_INVALID');
  return table;
}

/** A path as the user would type it from `cwd`. */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}
