import type { Queryable } from '@justscale/driver';
import type { IntrospectOptions } from './options.js';
import { resolveOptions } from './options.js';
import { loadQuery } from './queries.js';

/** An object the snapshot leaves out because JustScale does not model its kind (yet). */
export interface NotModelled {
  /** `text search configuration`, `foreign table`, `aggregate`, `publication`, ... */
  readonly kind: string;
  /** Qualified where the kind lives in a schema (`public.my_en`), else the object's own name. */
  readonly name: string;
}

/**
 * The objects of the schemas `options` select (and of the database: foreign servers, publications,
 * event triggers, casts, default privileges) that `introspect` does not read, so that a command
 * comparing two databases can say what it did not compare. Two queries (the schemas, then the
 * objects); extension members are left out (their extension is compared). `introspectCatalog` reads
 * them in the introspection's own transaction and round trip.
 *
 * @example
 * const skipped = await objectsNotModelled(driver, { excludeSchemas: ['audit'] });
 * // [{ kind: 'text search configuration', name: 'public.my_en' }]
 */
export async function objectsNotModelled(
  q: Queryable,
  options: IntrospectOptions = {},
): Promise<NotModelled[]> {
  const resolved = resolveOptions(options);
  const schemas = await q.query<{ oid: number }>(loadQuery('schemas', 0), [
    resolved.schemas === null ? null : JSON.stringify(resolved.schemas),
    JSON.stringify(resolved.excludeSchemas),
  ]);
  const { rows } = await q.query<{ kind: string; name: string }>(loadQuery('not-modelled', 0), [
    schemas.rows.map((r) => String(r.oid)).join(','),
  ]);
  return rows.map((r) => ({ kind: r.kind, name: r.name }));
}
