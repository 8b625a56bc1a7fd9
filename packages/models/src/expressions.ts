/**
 * The identifiers an SQL expression mentions, outside string literals: unquoted ones folded to
 * lower case, quoted ones raw. Used to name check constraints as PostgreSQL does (it looks at how
 * many columns the expression references).
 */
export function identifiersIn(expression: string): Set<string> {
  const found = new Set<string>();
  const re = /'(?:[^']|'')*'|"((?:[^"]|"")+)"|([A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*)/g;
  for (const m of expression.matchAll(re)) {
    if (m[1] !== undefined) found.add(m[1].replaceAll('""', '"'));
    else if (m[2] !== undefined) found.add(m[2].toLowerCase());
  }
  return found;
}

/** The one table column an expression references, or null when it references none or several. */
export function singleColumnOf(expression: string, columns: readonly string[]): string | null {
  const ids = identifiersIn(expression);
  const used = columns.filter((c) => ids.has(c));
  return used.length === 1 ? used[0]! : null;
}

/**
 * A boolean expression as `pg_get_expr` would most likely print it: wrapped in one pair of
 * parentheses. Only a guess for operators; `canonicalizeSnapshot` gives PostgreSQL's own spelling.
 */
export function parenthesize(expression: string): string {
  const e = expression.trim();
  if (e.startsWith('(') && closingParen(e) === e.length - 1) return e;
  return `(${e})`;
}

function closingParen(s: string): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < s.length; i++) {
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
