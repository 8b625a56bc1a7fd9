import { type ErrorRef, isJustScaleError, sqlstateOf } from '@justscale/errors';
import { displayPath } from '../config/resolve.js';
import { flagOf, flagSpelling } from '../flag-names.js';

/** An error's fields as the CLI shows them, whichever package raised it. */
export interface ErrorView {
  readonly code: string;
  readonly message: string;
  /** `table public._migrations`, `migration 003_c`, `column public.users.email`. */
  readonly object: string | undefined;
  /** `migrations/003_c.sql:5`, relative to the working directory when it is inside it. */
  readonly location: string | undefined;
  /** With the CLI's flags where the hint names an API option. */
  readonly hint: string | undefined;
  readonly sqlstate: string | undefined;
}

/**
 * How the CLI shows `error`: a JustScale error's code, message, object, file:line and hint (its
 * option spelled as a flag); PostgreSQL's own error as `DATABASE_ERROR` with its SQLSTATE apart.
 *
 * @example
 * viewOf(error, '/app').location; // 'migrations/003_c.sql:5'
 */
export function viewOf(error: unknown, cwd: string, code: string): ErrorView {
  const message = error instanceof Error ? error.message : String(error);
  const ref = isJustScaleError(error) ? error.ref : undefined;
  return {
    code,
    message,
    object: ref === undefined ? undefined : objectOf(ref),
    location: ref?.file === undefined ? undefined : locationOf(ref, cwd),
    hint: isJustScaleError(error) ? error.hintFor(flagSpelling) : undefined,
    sqlstate: sqlstateOf(error),
  };
}

/**
 * The lines under `error [CODE]: message`: the object, the file and line, the SQLSTATE, the hint.
 *
 * @example
 * detailLines(view); // ['  object: migration 003_c', '  file: migrations/003_c.sql:5', '  sqlstate: 42703']
 */
export function detailLines(view: ErrorView): string[] {
  const lines: string[] = [];
  if (view.object !== undefined) lines.push(`  object: ${view.object}`);
  if (view.location !== undefined) lines.push(`  file: ${view.location}`);
  if (view.sqlstate !== undefined) lines.push(`  sqlstate: ${view.sqlstate}`);
  if (view.hint !== undefined) lines.push(`  hint: ${view.hint}`);
  return lines;
}

/**
 * The structured fields `--json` adds to `{ error }`: `ref` (file relative to the working directory
 * as shown), `hint` with flag names, `option` with its `flag`, `sqlstate`.
 */
export function jsonFieldsOf(error: unknown, view: ErrorView): Record<string, unknown> {
  if (!isJustScaleError(error)) return view.sqlstate === undefined ? {} : { sqlstate: view.sqlstate };
  const option = error.option;
  const flag = option === undefined ? undefined : flagOf(option);
  return {
    ...(error.ref === undefined ? {} : { ref: error.ref }),
    ...(view.hint === undefined ? {} : { hint: view.hint }),
    ...(option === undefined ? {} : { option: { ...option, ...(flag === undefined ? {} : { flag }) } }),
    ...(view.sqlstate === undefined ? {} : { sqlstate: view.sqlstate }),
  };
}

function objectOf(ref: ErrorRef): string | undefined {
  if (ref.name === undefined) return undefined;
  const qualified = [ref.schema, ref.name, ref.column]
    .filter((part) => part !== undefined)
    .map(shownName)
    .join('.');
  return ref.kind === undefined ? qualified : `${ref.kind} ${qualified}`;
}

/** A name as it reads unambiguously beside the others: double-quoted as in SQL when it holds a dot, a quote or a space. */
function shownName(name: string): string {
  return name !== '' && !/[."\s]/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

function locationOf(ref: ErrorRef, cwd: string): string {
  const file = displayPath(cwd, ref.file!);
  return ref.line === undefined ? file : `${file}:${ref.line}`;
}
