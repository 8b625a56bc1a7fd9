import { redact } from '@justscale/driver';
import { FleetError } from './errors.js';

/**
 * One target of a fleet: a database, or a tenant schema inside one. Two targets with the same
 * `database` share a connection pool; a tenant target runs the migrations with its schema first on
 * `search_path` and keeps its own tracking table inside that schema.
 */
export interface FleetTarget {
  /** `postgres://...` or `pglite:<directory>`, without the `#schema=` fragment. */
  readonly database: string;
  /** The tenant schema, or null for the database itself. */
  readonly schema: string | null;
}

/**
 * Parses one target: a `postgres://` (or `postgresql://`) URL or `pglite:<directory>`, optionally
 * followed by `#schema=NAME` (percent-encoded where needed) for a tenant schema in that database.
 *
 * @example
 * parseTarget('postgres://app@db/shop#schema=tenant_42');
 * // { database: 'postgres://app@db/shop', schema: 'tenant_42' }
 */
export function parseTarget(text: string, where = 'target'): FleetTarget {
  const value = text.trim();
  const hash = value.indexOf('#');
  const database = hash < 0 ? value : value.slice(0, hash);
  if (!/^postgres(ql)?:\/\/./i.test(database) && !database.startsWith('pglite:')) {
    throw new FleetError(
      'FLEET_TARGET_INVALID',
      `${where}: ${JSON.stringify(redact(value))} is not a postgres:// URL or pglite:<directory>.`,
    );
  }
  if (hash < 0) return { database, schema: null };
  const fragment = new URLSearchParams(value.slice(hash + 1));
  const keys = [...new Set(fragment.keys())];
  const unknown = keys.filter((key) => key !== 'schema');
  const schema = fragment.get('schema');
  if (unknown.length > 0 || schema === null || fragment.getAll('schema').length > 1 || schema === '') {
    throw new FleetError(
      'FLEET_TARGET_INVALID',
      `${where}: the part after # must be schema=NAME (one non-empty schema name), got ${JSON.stringify(value.slice(hash))}.`,
    );
  }
  checkSchemaName(schema, where);
  return { database, schema };
}

/** Schema names PostgreSQL keeps as given: at most 63 bytes, no NUL. */
export function checkSchemaName(schema: string, where: string): void {
  if (schema.includes('\0') || Buffer.byteLength(schema, 'utf8') > 63) {
    throw new FleetError(
      'FLEET_TARGET_INVALID',
      `${where}: schema ${JSON.stringify(schema)} is not a valid PostgreSQL name (at most 63 bytes, no NUL).`,
    );
  }
}

/**
 * Parses a targets file: one target a line; `#` at the start of a line begins a comment, blank
 * lines are ignored. An invalid line is an error naming the file and line.
 *
 * @example
 * parseTargets('# EU shard\npostgres://db-eu/app\npostgres://db-eu/app#schema=acme\n', 'targets.txt');
 */
export function parseTargets(text: string, file: string): FleetTarget[] {
  const targets: FleetTarget[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    targets.push(parseTarget(trimmed, `${file}:${index + 1}`));
  });
  return targets;
}

/** A target as text, with the password of its URL replaced by `***`: safe to print. */
export function targetLabel(target: FleetTarget): string {
  const base = redact(target.database);
  return target.schema === null ? base : `${base}#schema=${encodeURIComponent(target.schema)}`;
}

/** The same targets in the same order, each once: at most one runner per target. */
export function uniqueTargets(targets: readonly FleetTarget[]): FleetTarget[] {
  const seen = new Set<string>();
  return targets.filter((target) => {
    const key = `${target.database}\0${target.schema ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
