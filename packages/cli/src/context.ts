import { resolve as resolvePath } from 'node:path';
import {
  type ConfigFlags,
  type DatabaseSource,
  displayPath,
  type ResolvedConfig,
  resolveConfig,
  sourceOf,
} from './config/resolve.js';
import { endClient, type OpenDatabase, openDatabase } from './database.js';
import { type CliIo, type Printer, printer } from './io.js';
import { Redactor } from './redact.js';

/** The options every command understands. */
export interface GlobalArgs extends ConfigFlags {
  readonly json?: boolean | undefined;
  readonly verbose?: boolean | undefined;
  /** `--no-wait`: fail at once (exit 5) when another process holds the migration or folder lock. */
  readonly wait?: boolean | undefined;
}

/** What a program embedding the migrate commands fixes in code; it wins over file, env and flags. */
export interface ConfigOverrides {
  readonly database?: string | object | undefined;
  readonly directory?: string | undefined;
  readonly table?: string | undefined;
  readonly schema?: string | undefined;
  readonly schemas?: readonly string[] | undefined;
  readonly models?: string | undefined;
}

/**
 * What a command handler gets: the printers (redacting, coloured only where allowed), the
 * resolved config, and the database, opened on first use and closed when the command ends.
 */
export class CommandContext {
  readonly out: Printer;
  readonly err: Printer;
  readonly json: boolean;
  readonly verbose: boolean;
  readonly io: CliIo;
  readonly redactor: Redactor;
  readonly #args: GlobalArgs;
  readonly #overrides: ConfigOverrides;
  #config: Promise<ResolvedConfig> | undefined;
  readonly #open: OpenDatabase[] = [];
  /** The configured database, once opened (`database()`). */
  #database: Promise<OpenDatabase> | undefined;
  readonly #onAbort = () => {
    // Cancels the running statement on the server; the runner's signal stops the rest. A cancel
    // that fails (the connection is gone) changes nothing: the command is ending anyway.
    for (const db of this.#open) db.cancel().catch(() => undefined);
  };

  constructor(io: CliIo, args: GlobalArgs, overrides: ConfigOverrides = {}, redactor = new Redactor()) {
    this.io = io;
    io.signal?.addEventListener('abort', this.#onAbort, { once: true });
    this.redactor = redactor;
    this.#args = args;
    this.#overrides = overrides;
    for (const url of [
      args.databaseUrl,
      io.env.DATABASE_URL,
      typeof overrides.database === 'string' ? overrides.database : undefined,
    ]) {
      if (url) redactor.addUrl(url);
    }
    this.out = printer(io, io.stdout, redactor);
    this.err = printer(io, io.stderr, redactor);
    this.json = args.json === true;
    this.verbose = args.verbose === true;
  }

  /** The config: file, environment and flags, resolved once. */
  config(): Promise<ResolvedConfig> {
    this.#config ??= this.#resolve();
    return this.#config;
  }

  async #resolve(): Promise<ResolvedConfig> {
    const resolved = await resolveConfig(this.io.cwd, this.io.env, this.#args);
    const o = this.#overrides;
    const database: DatabaseSource =
      o.database === undefined
        ? resolved.database
        : typeof o.database === 'string'
          ? sourceOf(o.database, this.io.cwd, 'config')
          : { kind: 'client', client: o.database, owned: false };
    if (resolved.database.kind === 'url') this.redactor.addUrl(resolved.database.url);
    return {
      ...resolved,
      database,
      migrations: {
        ...resolved.migrations,
        ...(o.directory === undefined ? {} : { directory: resolvePath(this.io.cwd, o.directory) }),
        ...(o.table === undefined ? {} : { table: o.table }),
        ...(o.schema === undefined ? {} : { schema: o.schema }),
      },
      schemas: o.schemas ?? resolved.schemas,
      models: o.models === undefined ? resolved.models : resolvePath(this.io.cwd, o.models),
    };
  }

  /** The configured database, opened once; the embedded default is announced on stderr. */
  database(): Promise<OpenDatabase> {
    // Once: a second open of an embedded database's folder would wait for the first's lock.
    this.#database ??= this.config().then((config) =>
      this.connect(config.database, config.migrations.directory),
    );
    return this.#database;
  }

  /** Aborted on SIGINT / SIGTERM (by `bin.ts`); commands pass it to the runner. */
  get signal(): AbortSignal | undefined {
    return this.io.signal;
  }

  /** Opens another database (e.g. `schema diff --from`); closed with the command. */
  async connect(source: DatabaseSource, migrations?: string): Promise<OpenDatabase> {
    if (source.kind === 'url') this.redactor.addUrl(source.url);
    if (source.kind === 'pglite' && source.from === 'embedded') {
      this.err.line(
        this.err.colors.dim(
          `No database configured: using embedded PostgreSQL (PGlite) in ${displayPath(this.io.cwd, source.dataDir)}. ` +
            'Set DATABASE_URL, --database-url or database in justscale.config.ts to use a server.',
        ),
      );
    }
    const db = await openDatabase(source, this.io.cwd, this.io.env, {
      wait: this.#args.wait !== false,
      signal: this.io.signal,
      migrations,
      onWait: (lockFile, holder) =>
        this.err.line(
          this.err.colors.dim(
            `Waiting for ${holder === null ? 'another process' : `pid ${holder.pid} on ${holder.host}`} ` +
              `to release ${lockFile} (--no-wait fails at once)…`,
          ),
        ),
    });
    this.#open.push(db);
    return db;
  }

  /** Writes `value` as JSON on stdout. */
  printJson(value: unknown): void {
    this.out.line(JSON.stringify(value, jsonReplacer, 2));
  }

  /** Closes everything the command opened, and ends a client the config made but did not use. */
  async close(): Promise<void> {
    this.io.signal?.removeEventListener('abort', this.#onAbort);
    this.#database = undefined;
    for (const db of this.#open.splice(0).reverse()) await db.close().catch(() => undefined);
    const unused =
      this.#config === undefined ? undefined : (await this.#config.catch(() => undefined))?.unusedClient;
    if (unused !== undefined) await endClient(unused).catch(() => undefined);
  }
}

/** JSON for values JSON.stringify refuses or mangles: bigint, bytes. */
export function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  return value;
}
