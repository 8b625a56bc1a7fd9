import type { Collation, Rule } from '@justscale/schema';
import { bool, optStr, type Row, str } from './rows.js';

const PROVIDER: Record<string, Collation['provider']> = { c: 'libc', i: 'icu', b: 'builtin' };

export function mapCollation(row: Row): Collation {
  const code = str(row, 'provider');
  const provider = PROVIDER[code];
  if (provider === undefined) throw new TypeError(`introspect: unexpected collation provider '${code}'`);
  return {
    schema: str(row, 'schema'),
    name: str(row, 'name'),
    provider,
    locale: optStr(row, 'locale'),
    lcCollate: optStr(row, 'lc_collate'),
    lcCtype: optStr(row, 'lc_ctype'),
    deterministic: bool(row, 'deterministic'),
    icuRules: optStr(row, 'icu_rules'),
    comment: optStr(row, 'comment'),
  };
}

/**
 * What follows `CREATE RULE name AS` in `pg_get_ruledef`, without the final `;`: the event, table,
 * condition and actions, as PostgreSQL prints them.
 */
export function ruleDefinition(definition: string, quotedName: string): string {
  const prefix = `CREATE RULE ${quotedName} AS`;
  if (!definition.startsWith(prefix))
    throw new TypeError(`introspect: unexpected rule definition '${definition.slice(0, 80)}'`);
  return definition.slice(prefix.length).trim().replace(/;$/, '');
}

export function mapRule(row: Row): Rule {
  return {
    schema: str(row, 'schema'),
    table: str(row, 'table'),
    name: str(row, 'name'),
    definition: ruleDefinition(str(row, 'definition'), str(row, 'quoted')),
    comment: optStr(row, 'comment'),
  };
}
