import { readFileSync } from 'node:fs';

/** The catalog queries, one `.sql` file per object kind in `./queries/`. */
export const QUERY_NAMES = [
  'version',
  'schemas',
  'lookups',
  'extensions',
  'enums',
  'domains',
  'composites',
  'sequences',
  'tables',
  'columns',
  'constraints',
  'indexes',
  'views',
  'functions',
  'triggers',
  'policies',
  'collations',
  'rules',
  'dependencies',
  'grants',
  'not-modelled',
] as const;

export type QueryName = (typeof QUERY_NAMES)[number];

/** Reads a query file's text; injected by tests, `fs` by default. */
export type QueryFileReader = (name: QueryName) => string;

const readFromDisk: QueryFileReader = (name) =>
  readFileSync(new URL(`./queries/${name}.sql`, import.meta.url), 'utf8');

const sources = new Map<QueryName, string>();
const rendered = new Map<string, string>();

// `/*@15+*/ new /*@else*/ old /*@end*/`: the catalog of PostgreSQL 15 and later has `new`.
const VERSIONED = /\/\*@(\d+)\+\*\/([\s\S]*?)\/\*@else\*\/([\s\S]*?)\/\*@end\*\//g;

/** Chooses the branches of the version markers in `sql` for a server of major version `major`. */
export function renderForVersion(sql: string, major: number): string {
  return sql.replace(VERSIONED, (_m, since: string, newer: string, older: string) =>
    (major >= Number(since) ? newer : older).trim(),
  );
}

/**
 * The text of one catalog query for a server of the given major version: read once, rendered once
 * per major, then served from a cache.
 */
export function loadQuery(name: QueryName, major: number, read: QueryFileReader = readFromDisk): string {
  const key = `${name}@${major}`;
  let sql = rendered.get(key);
  if (sql === undefined) {
    let source = sources.get(name);
    if (source === undefined) {
      source = read(name);
      sources.set(name, source);
    }
    sql = renderForVersion(source, major);
    rendered.set(key, sql);
  }
  return sql;
}
