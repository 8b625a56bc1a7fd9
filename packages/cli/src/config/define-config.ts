/** A database: a connection URL, a `Driver`, or a raw `pg` / postgres.js / PGlite client. */
export type DatabaseConfig = string | object;

/** What `justscale.config.ts` exports. Every key is optional. */
export interface JustscaleConfig {
  /**
   * The database: `postgres://...`, `pglite:<directory>` (embedded), a Driver or a client.
   * `DATABASE_URL` and `--database-url` override it. With none of them, the CLI uses PGlite in
   * `.justscale/pglite`.
   */
  readonly database?: DatabaseConfig | undefined;
  readonly migrations?:
    | {
        /** Default `./migrations`, relative to the config file. */
        readonly directory?: string | undefined;
        /** The tracking table. Default `_migrations`. */
        readonly table?: string | undefined;
        /** The tracking table's schema. Default `public`. */
        readonly schema?: string | undefined;
        /** The module new migration files import `defineMigration` from. Default `@justscale/postgres`. */
        readonly importFrom?: string | undefined;
      }
    | undefined;
  /** The module exporting your models, for `migrate make` and `schema push`; relative to the config file. */
  readonly models?: string | undefined;
  /** The schemas the CLI manages (diffs, pulls, drops with `fresh --drop`). Default `['public']`. */
  readonly schemas?: readonly string[] | undefined;
  /** A JSON file of rename hints for the differ; relative to the config file. */
  readonly renames?: string | undefined;
  /**
   * The targets of `justscale fleet`: `targets` (URLs, each optionally `#schema=NAME` for a tenant
   * schema), or a `query` whose first column gives target URLs or schema names in `database`
   * (default: the configured database), run at every command so new tenants are found.
   */
  readonly fleet?:
    | {
        readonly targets?: readonly string[] | undefined;
        readonly query?: string | undefined;
        readonly database?: string | undefined;
      }
    | undefined;
}

/**
 * Declares the CLI's configuration, with types. It returns its argument unchanged.
 *
 * @example
 * // justscale.config.ts
 * import { defineConfig } from '@justscale/cli';
 * export default defineConfig({
 *   database: process.env.DATABASE_URL,
 *   migrations: { directory: './migrations', table: '_migrations' },
 *   models: './src/models.ts',
 * });
 */
export function defineConfig<const T extends JustscaleConfig>(config: T): T {
  return config;
}
