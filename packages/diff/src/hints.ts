import { InvalidRenameHintError } from './errors.js';
import type { RenameHint, RenameKind } from './types.js';

const KINDS: readonly RenameKind[] = [
  'table',
  'column',
  'index',
  'constraint',
  'enumValue',
  'type',
  'view',
  'sequence',
  'function',
];

/** Kinds whose hint must say which table (or, for `enumValue`, which enum) the object belongs to. */
const NEEDS_TABLE: ReadonlySet<RenameKind> = new Set(['column', 'constraint', 'enumValue']);

function fail(message: string, file: boolean): never {
  throw new InvalidRenameHintError(message, file ? 'INVALID_HINTS_FILE' : 'INVALID_RENAME_HINT');
}

/** Checks one hint; `where` says where it came from in error messages. */
export function validateHint(value: unknown, where: string, file = false): RenameHint {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail(`${where}: a rename hint must be an object { kind, schema, table?, from, to }`, file);
  }
  const h = value as Record<string, unknown>;
  const allowed = new Set(['kind', 'schema', 'table', 'from', 'to']);
  for (const k of Object.keys(h)) if (!allowed.has(k)) fail(`${where}: unknown field "${k}"`, file);
  if (typeof h.kind !== 'string' || !KINDS.includes(h.kind as RenameKind)) {
    fail(`${where}: "kind" must be one of ${KINDS.join(', ')} (got ${JSON.stringify(h.kind)})`, file);
  }
  const kind = h.kind as RenameKind;
  for (const field of ['schema', 'from', 'to'] as const) {
    if (typeof h[field] !== 'string' || (h[field] as string).length === 0) {
      fail(`${where}: "${field}" must be a non-empty string`, file);
    }
  }
  if (h.table !== undefined && (typeof h.table !== 'string' || h.table.length === 0)) {
    fail(`${where}: "table" must be a non-empty string when given`, file);
  }
  if (NEEDS_TABLE.has(kind) && h.table === undefined) {
    const what = kind === 'enumValue' ? 'the enum type' : 'the table';
    fail(`${where}: a ${kind} hint needs "table" (${what} it belongs to)`, file);
  }
  if (h.from === h.to) fail(`${where}: "from" and "to" are the same (${JSON.stringify(h.from)})`, file);
  const hint: RenameHint = {
    kind,
    schema: h.schema as string,
    from: h.from as string,
    to: h.to as string,
    ...(h.table === undefined ? {} : { table: h.table as string }),
  };
  return Object.freeze(hint);
}

/**
 * Reads a committed rename-hints file: JSON text (or its parsed value), either an array of hints or
 * `{ "renames": [...] }`. Each hint is `{ kind, schema, table?, from, to }`; errors name the hint.
 *
 * @example
 * parseRenameHints('{ "renames": [{ "kind": "column", "schema": "public", "table": "users", "from": "mail", "to": "email" }] }')
 * // [{ kind: 'column', schema: 'public', table: 'users', from: 'mail', to: 'email' }]
 */
export function parseRenameHints(json: string | unknown): RenameHint[] {
  let value: unknown = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (cause) {
      throw new InvalidRenameHintError(
        `rename hints file is not valid JSON: ${(cause as Error).message}`,
        'INVALID_HINTS_FILE',
      );
    }
  }
  let list: unknown = value;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length !== 1 || keys[0] !== 'renames') {
      fail('rename hints file: expected an array of hints or { "renames": [...] }', true);
    }
    list = (value as { renames: unknown }).renames;
  }
  if (!Array.isArray(list)) fail('rename hints file: "renames" must be an array', true);
  const hints = (list as unknown[]).map((h, i) => validateHint(h, `renames[${i}]`, true));
  checkConflicts(hints, true);
  return hints;
}

/** Two hints that rename the same object, or two objects to the same name, are refused. */
export function checkConflicts(hints: readonly RenameHint[], file = false): void {
  const from = new Map<string, number>();
  const to = new Map<string, number>();
  hints.forEach((h, i) => {
    const scope = `${h.kind}\u0000${h.schema}\u0000${h.table ?? ''}`;
    const f = `${scope}\u0000${h.from}`;
    const t = `${scope}\u0000${h.to}`;
    const prevFrom = from.get(f);
    if (prevFrom !== undefined)
      fail(`renames[${i}]: ${h.kind} "${h.from}" is already renamed by renames[${prevFrom}]`, file);
    const prevTo = to.get(t);
    if (prevTo !== undefined)
      fail(`renames[${i}]: ${h.kind} "${h.to}" is already the target of renames[${prevTo}]`, file);
    from.set(f, i);
    to.set(t, i);
  });
}
