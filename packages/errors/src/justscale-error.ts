/**
 * What an error is about: the database object at fault (`kind`, `schema`, `name`, and `column` for
 * one column of it), and the file at fault with its 1-based `line`. Every field is optional: an error
 * names what it knows.
 */
export interface ErrorRef {
  /** The object's kind as PostgreSQL names it: `table`, `column`, `index`, `type`, `migration`, ... */
  readonly kind?: string | undefined;
  readonly schema?: string | undefined;
  readonly name?: string | undefined;
  /** A column of the object named by `schema` and `name`. */
  readonly column?: string | undefined;
  /** The file at fault: a migration, the config, a hints file, a models module. */
  readonly file?: string | undefined;
  /** 1-based line in `file`, counted from the file's first line. */
  readonly line?: number | undefined;
}

/**
 * An option of the API that a hint tells the caller to set, as data: a program calling the API
 * reads `allowChangedChecksums: true`, the CLI renders the same option as its flag (`--allow-changed`).
 * `method` names the call the option belongs to when it is not the constructor's (`fresh`).
 */
export interface OptionRef {
  readonly name: string;
  readonly value: string | number | boolean;
  readonly method?: string | undefined;
}

/** How an option is spelled in a hint: the API's spelling by default, the CLI's flags in the binary. */
export type OptionSpeller = (option: OptionRef) => string;

/** The token in a hint's text that stands for the option (`option`), spelled by an `OptionSpeller`. */
export const OPTION_TOKEN = '{option}';

/** What every JustScale error may carry besides its code and message. */
export interface JustScaleErrorOptions {
  readonly ref?: ErrorRef | undefined;
  /**
   * What to do about it. `{option}` in the text stands for `option`, spelled for whoever reads it
   * (`hint` spells it as the API does, `hintFor` as the caller says).
   */
  readonly hint?: string | undefined;
  readonly option?: OptionRef | undefined;
  /** The error this one wraps: often a `DatabaseError` from a driver, whose SQLSTATE becomes `sqlstate`. */
  readonly cause?: unknown;
}

/**
 * The option as a program writes it: `allowChangedChecksums: true`, `lock: 'wait'`,
 * `fresh({ drop: true })`.
 *
 * @example
 * apiSpelling({ name: 'transaction', value: 'each' }); // "transaction: 'each'"
 */
export function apiSpelling(option: OptionRef): string {
  const value = typeof option.value === 'string' ? `'${option.value}'` : String(option.value);
  const pair = `${option.name}: ${value}`;
  return option.method === undefined ? pair : `${option.method}({ ${pair} })`;
}

/**
 * The base class of every error JustScale raises itself. `code` is a stable UPPER_SNAKE code, one
 * meaning wherever it is raised (`MIGRATION_LOCKED` from the runner's advisory lock and from the
 * CLI's folder lock alike); PostgreSQL's SQLSTATE never goes in it but in `sqlstate`, read from the
 * `DatabaseError` in the `cause` chain. `ref` names the object and the file, `hint` says what to do,
 * `option` names the API option the hint refers to.
 *
 * @example
 * try {
 *   await runner.migrate();
 * } catch (error) {
 *   if (error instanceof JustScaleError) console.error(error.code, error.ref?.file, error.hint, error.sqlstate);
 * }
 */
export class JustScaleError extends Error {
  override name = 'JustScaleError';
  readonly code: string;
  readonly ref: ErrorRef | undefined;
  readonly option: OptionRef | undefined;
  /** PostgreSQL's SQLSTATE (`42P01`) when a database error caused this one; never our `code`. */
  readonly sqlstate: string | undefined;
  readonly #hint: string | undefined;

  constructor(code: string, message: string, options: JustScaleErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.ref = options.ref === undefined ? undefined : compact(options.ref);
    this.option = options.option;
    this.#hint = options.hint;
    this.sqlstate = sqlstateOf(options.cause);
  }

  /** What to do about it, with the option spelled as a program calling the API writes it. */
  get hint(): string | undefined {
    return this.hintFor(apiSpelling);
  }

  /**
   * The hint with `option` spelled by `spell`: the CLI passes one that names its flags.
   *
   * @example
   * error.hintFor((o) => (o.name === 'allowMissing' ? '--allow-missing' : apiSpelling(o)));
   */
  hintFor(spell: OptionSpeller): string | undefined {
    if (this.#hint === undefined) return undefined;
    if (this.option === undefined) return this.#hint;
    return this.#hint.split(OPTION_TOKEN).join(spell(this.option));
  }

  /** The structured fields, for `JSON.stringify` and machine-readable output. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      ...(this.ref === undefined ? {} : { ref: this.ref }),
      ...(this.#hint === undefined ? {} : { hint: this.hint }),
      ...(this.option === undefined ? {} : { option: this.option }),
      ...(this.sqlstate === undefined ? {} : { sqlstate: this.sqlstate }),
    };
  }
}

/**
 * Whether `error` is a JustScale error. Also true for one from another copy of this package (two
 * versions installed side by side), where `instanceof` would say no.
 *
 * @example
 * if (isJustScaleError(error)) console.error(error.code);
 */
export function isJustScaleError(error: unknown): error is JustScaleError {
  if (error instanceof JustScaleError) return true;
  return (
    error instanceof Error &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { hintFor?: unknown }).hintFor === 'function'
  );
}

/**
 * The SQLSTATE of the first `DatabaseError` in `error`'s cause chain (the drivers' error type; it is
 * recognised by name, as this package depends on nothing).
 *
 * @example
 * sqlstateOf(migrationFailedError); // '42P01'
 */
export function sqlstateOf(error: unknown): string | undefined {
  let current = error;
  for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
    if (current.name === 'DatabaseError') {
      const code = (current as { code?: unknown }).code;
      return typeof code === 'string' ? code : undefined;
    }
    if (current instanceof JustScaleError) return current.sqlstate;
    current = current.cause;
  }
  return undefined;
}

function compact(ref: ErrorRef): ErrorRef {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(ref)) if (value !== undefined) out[key] = value;
  return out as ErrorRef;
}
