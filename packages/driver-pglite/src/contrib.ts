/**
 * The contrib extensions PGlite ships as modules (`@electric-sql/pglite/contrib/<name>`), by their
 * SQL names. PGlite loads an extension's files only when it is passed at construction, so a caller
 * that may meet `CREATE EXTENSION citext` passes `await contribExtensions(['citext'])`.
 */
export const PGLITE_CONTRIB: readonly string[] = Object.freeze([
  'amcheck',
  'auto_explain',
  'bloom',
  'btree_gin',
  'btree_gist',
  'citext',
  'cube',
  'dict_int',
  'dict_xsyn',
  'earthdistance',
  'file_fdw',
  'fuzzystrmatch',
  'hstore',
  'intarray',
  'isn',
  'lo',
  'ltree',
  'moddatetime',
  'pageinspect',
  'pg_buffercache',
  'pg_freespacemap',
  'pg_stat_statements',
  'pg_surgery',
  'pg_trgm',
  'pg_visibility',
  'pg_walinspect',
  'pgcrypto',
  'seg',
  'tablefunc',
  'tcn',
  'tsm_system_rows',
  'tsm_system_time',
  'unaccent',
  'uuid-ossp',
]);

/**
 * PGlite's extension objects for `names` (SQL names, e.g. `uuid-ossp`), keyed as PGlite's
 * `extensions` option wants them. Names PGlite has no contrib module for (built-in `plpgsql`, or an
 * extension it lacks) are left out: `CREATE EXTENSION` reports those itself.
 *
 * @example
 * const driver = await createPgliteDriver({ dataDir, extensions: await contribExtensions(['citext', 'pgcrypto']) });
 */
export async function contribExtensions(names: Iterable<string>): Promise<Record<string, unknown>> {
  const wanted = [...new Set(names)].filter((name) => PGLITE_CONTRIB.includes(name));
  const loaded = await Promise.all(
    wanted.map(async (name) => {
      const exportName = name.replaceAll('-', '_');
      const module = (await import(`@electric-sql/pglite/contrib/${exportName}`)) as Record<string, unknown>;
      return [exportName, module[exportName]] as const;
    }),
  );
  return Object.fromEntries(loaded);
}
