/**
 * A schema-qualified name found in SQL text: `public."UserStatus"`, `"Other Schema"."Mixed Status"`.
 * `schema` and `name` are the identifiers as PostgreSQL reads them (quotes removed, `""` undone,
 * unquoted ones folded to lowercase); `text` is the spelling found.
 */
export interface QualifiedReference {
  readonly schema: string;
  readonly name: string;
  readonly text: string;
}

/**
 * Rewrites the schema-qualified names of an SQL expression: `replace` is called for every
 * `identifier.identifier` pair outside string literals, quoted identifiers, dollar quotes and
 * comments, and returns the new text or `undefined` to keep it. Identifiers are read as PostgreSQL
 * reads them, so `public."UserStatus"` and `"public"."UserStatus"` are the same reference, and
 * `'public."UserStatus"'` (a string) and `"a public"."UserStatus"` (another schema) are not it. A
 * pair that is part of a longer dotted name (`a.b.c`) is left alone.
 *
 * This is the one place where canonicalisation reads expression text: the enum references that
 * models and users write into defaults and checks are text, and nothing else names them.
 *
 * @example
 * rewriteQualifiedNames(`'a'::public."S"`, (r) => (r.schema === 'public' ? `"tmp"."${r.name}"` : undefined));
 * // `'a'::"tmp"."S"`
 */
export function rewriteQualifiedNames(
  text: string,
  replace: (reference: QualifiedReference) => string | undefined,
): string {
  const tokens = tokenize(text);
  let out = '';
  let at = 0;
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i]!;
    const dot = tokens[i + 1];
    const b = tokens[i + 2];
    if (a.kind !== 'ident' || dot?.kind !== 'dot' || b?.kind !== 'ident') continue;
    if (tokens[i - 1]?.kind === 'dot' || tokens[i + 3]?.kind === 'dot') continue;
    const found = text.slice(a.start, b.end);
    const replacement = replace({ schema: a.value, name: b.value, text: found });
    if (replacement === undefined) continue;
    out += text.slice(at, a.start) + replacement;
    at = b.end;
    i += 2;
  }
  return out + text.slice(at);
}

interface Token {
  readonly kind: 'ident' | 'dot' | 'other';
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

const IDENT_START = /[A-Za-z_\u0080-\uffff]/;
const IDENT_PART = /[A-Za-z0-9_$\u0080-\uffff]/;

/** The tokens that matter for qualified names; whitespace is dropped, literals are one `other`. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: Token['kind'], value: string, start: number) =>
    tokens.push({ kind, value, start, end: i });
  while (i < text.length) {
    const start = i;
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      const escapes = /[Ee]/.test(text[i - 1] ?? '') && !IDENT_PART.test(text[i - 2] ?? '');
      i = endOfString(text, i, escapes);
      push('other', '', start);
    } else if (c === '"') {
      let value = '';
      i++;
      while (i < text.length) {
        if (text[i] === '"') {
          if (text[i + 1] !== '"') break;
          value += '"';
          i += 2;
        } else value += text[i++];
      }
      i++;
      push('ident', value, start);
    } else if (c === '$' && /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.test(text.slice(i))) {
      const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i))![0];
      const close = text.indexOf(tag, i + tag.length);
      i = close === -1 ? text.length : close + tag.length;
      push('other', '', start);
    } else if (c === '-' && text[i + 1] === '-') {
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? text.length : eol;
    } else if (c === '/' && text[i + 1] === '*') {
      i = endOfBlockComment(text, i);
    } else if (/[0-9]/.test(c)) {
      while (i < text.length && /[0-9A-Za-z_.]/.test(text[i]!)) i++;
      push('other', '', start);
    } else if (IDENT_START.test(c)) {
      // An E'...' string: the E is part of the literal, not an identifier.
      while (i < text.length && IDENT_PART.test(text[i]!)) i++;
      if (text[i] === "'" && i - start === 1 && /[Ee]/.test(c)) continue;
      // Unquoted identifiers fold to lowercase (ASCII only, as PostgreSQL does).
      push(
        'ident',
        text.slice(start, i).replace(/[A-Z]/g, (l) => l.toLowerCase()),
        start,
      );
    } else {
      i++;
      push(c === '.' ? 'dot' : 'other', c, start);
    }
  }
  return tokens;
}

function endOfString(text: string, open: number, escapes: boolean): number {
  let i = open + 1;
  while (i < text.length) {
    if (escapes && text[i] === '\\') i += 2;
    else if (text[i] === "'") {
      if (text[i + 1] !== "'") return i + 1;
      i += 2;
    } else i++;
  }
  return i;
}

function endOfBlockComment(text: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < text.length) {
    if (text.startsWith('/*', i)) {
      depth++;
      i += 2;
    } else if (text.startsWith('*/', i)) {
      i += 2;
      if (--depth === 0) return i;
    } else i++;
  }
  return i;
}
