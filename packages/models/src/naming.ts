import { ModelError } from './errors.js';

/** PostgreSQL's NAMEDATALEN - 1: the longest identifier, in bytes. */
export const MAX_IDENTIFIER_BYTES = 63;

const encoder = new TextEncoder();

/** Length of an identifier in UTF-8 bytes, as PostgreSQL counts it. */
export function byteLength(name: string): number {
  return encoder.encode(name).length;
}

/**
 * The column name of a model property under the default `snake_case` naming.
 *
 * The rule: a property that is not a plain ASCII identifier (`[A-Za-z_][A-Za-z0-9_]*`) is kept
 * exactly as written (`Mixed Case`, `a.b`, `ünïcödé`). Otherwise each uppercase letter A-Z becomes
 * `_` + its lowercase form, except at the start of the name, after `_`, and inside a run of capitals
 * unless it starts a new word (the next character is lowercase) — so an acronym stays one word:
 * `userID` → `user_id`, `HTMLParser` → `html_parser`, `parseHTML` → `parse_html`.
 * Digits are kept in place and never start a word: `address2` → `address2`, `line2Text` → `line2_text`.
 * Names that are already snake_case, or have no capitals, are returned unchanged:
 * `author_id` → `author_id`, `email` → `email`.
 *
 * @example
 * toColumnName('authorId'); // 'author_id'
 * toColumnName('createdAt'); // 'created_at'
 * toColumnName('author_id'); // 'author_id'
 */
export function toColumnName(property: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(property)) return property;
  let out = '';
  for (let i = 0; i < property.length; i++) {
    const c = property[i]!;
    if (!isUpper(c)) {
      out += c;
      continue;
    }
    const prev = property[i - 1];
    const next = property[i + 1];
    const prevUpper = prev !== undefined && isUpper(prev);
    const nextLower = next !== undefined && /[a-z]/.test(next);
    const boundary = i > 0 && prev !== '_' && (!prevUpper || nextLower);
    out += (boundary ? '_' : '') + c.toLowerCase();
  }
  return out;
}

function isUpper(c: string): boolean {
  return c >= 'A' && c <= 'Z';
}

/**
 * The property name `pull` gives a column: the inverse of `toColumnName` where one exists
 * (`author_id` → `authorId`), otherwise `null`.
 */
export function toPropertyName(column: string): string | null {
  if (!/^[a-z][a-z0-9]*(_[a-z][a-z0-9]*)*$/.test(column)) return null;
  const property = column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  return toColumnName(property) === column ? property : null;
}

/** Throws when a user-given name does not fit PostgreSQL's 63-byte limit (never truncated silently). */
export function checkName(name: string, what: string): string {
  if (name.length === 0) throw new ModelError('INVALID_FIELD', `${what} name is empty`, what);
  if (name.includes('\u0000')) {
    throw new ModelError(
      'INVALID_FIELD',
      `${what} name contains a NUL character, which PostgreSQL cannot store`,
      JSON.stringify(name),
    );
  }
  if (name.startsWith('\uFEFF')) {
    // PGlite and postgres.js-style decoders (TextDecoder) drop a leading byte-order mark when they
    // read the name back, so it could never be introspected as written.
    throw new ModelError(
      'INVALID_FIELD',
      `${what} name starts with U+FEFF (a byte-order mark), which drivers drop when reading names back`,
      JSON.stringify(name),
    );
  }
  if (byteLength(name) > MAX_IDENTIFIER_BYTES) {
    throw new ModelError(
      'NAME_TOO_LONG',
      `${what} name "${name}" is ${byteLength(name)} bytes long; PostgreSQL allows ${MAX_IDENTIFIER_BYTES}`,
      name,
    );
  }
  return name;
}

/**
 * Throws when any string of `value` (a snapshot node, walked deeply) holds a NUL character:
 * PostgreSQL's text cannot store one, and it must not reach the wire as SQL.
 */
export function checkNoNul(value: unknown, where: string): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) {
      throw new ModelError(
        'INVALID_FIELD',
        'text contains a NUL character, which PostgreSQL cannot store',
        where,
      );
    }
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) checkNoNul(v, `${where}[${i}]`);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) checkNoNul(v, `${where}.${k}`);
  }
}

/** Cuts a string to at most `bytes` UTF-8 bytes without splitting a character (`pg_mbcliplen`). */
function clipBytes(s: string, bytes: number): string {
  let out = '';
  let used = 0;
  for (const c of s) {
    const n = byteLength(c);
    if (used + n > bytes) break;
    out += c;
    used += n;
  }
  return out;
}

/**
 * PostgreSQL's `makeObjectName`: `name1_name2_label`, where the longer of name1 and name2 is cut
 * first so that the whole fits in 63 bytes.
 */
export function makeObjectName(name1: string, name2: string | null, label: string | null): string {
  let n1 = byteLength(name1);
  let n2 = name2 === null ? 0 : byteLength(name2);
  const overhead = (name2 === null ? 0 : 1) + (label === null ? 0 : byteLength(label) + 1);
  const available = MAX_IDENTIFIER_BYTES - overhead;
  while (n1 + n2 > available) {
    if (n1 > n2) n1--;
    else n2--;
  }
  let name = clipBytes(name1, n1);
  if (name2 !== null) name += `_${clipBytes(name2, n2)}`;
  if (label !== null) name += `_${label}`;
  return name;
}

/**
 * PostgreSQL's `ChooseRelationName` / `ChooseConstraintName`: `makeObjectName`, then `label1`,
 * `label2`, ... until the name is not `taken`. The chosen name is added to `taken`.
 */
export function chooseName(name1: string, name2: string | null, label: string, taken: Set<string>): string {
  let name = makeObjectName(name1, name2, label);
  for (let pass = 1; taken.has(name); pass++) name = makeObjectName(name1, name2, `${label}${pass}`);
  taken.add(name);
  return name;
}

/** PostgreSQL's `ChooseIndexNameAddition` / `ChooseForeignKeyConstraintNameAddition`: names joined by `_`. */
export function nameAddition(names: readonly string[]): string {
  let out = '';
  for (const name of names) {
    if (out.length > 0) out += '_';
    out += clipBytes(name, MAX_IDENTIFIER_BYTES);
    if (byteLength(out) >= MAX_IDENTIFIER_BYTES + 1) break;
  }
  return out;
}

/**
 * The name PostgreSQL gives an index column for an expression (`FigureIndexColname`), approximated
 * from the text: a function call gives the function's name (`lower(email)` → `lower`), a cast of a
 * column gives the column (`(k)::text` → `k`), anything else `expr`.
 */
export function expressionColumnName(expression: string): string {
  let e = expression.trim();
  while (e.startsWith('(') && matchingParen(e, 0) === e.length - 1) e = e.slice(1, -1).trim();
  const call = /^(?:[a-z_][a-z0-9_$]*\.)?([a-z_][a-z0-9_$]*)\s*\(/i.exec(e);
  if (call && matchingParen(e, call[0].length - 1) === e.length - 1) return call[1]!.toLowerCase();
  const cast = /^(.*)::[^:()]+$/s.exec(e);
  if (cast) {
    const inner = expressionColumnName(cast[1]!);
    return inner;
  }
  if (/^[a-z_][a-z0-9_$]*$/i.test(e)) return e.toLowerCase();
  const quoted = /^"((?:[^"]|"")+)"$/.exec(e);
  if (quoted) return quoted[1]!.replaceAll('""', '"');
  return 'expr';
}

function matchingParen(s: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}
