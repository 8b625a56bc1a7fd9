import type { QualifiedName, View } from '../snapshot.js';
import { type DropOptions, dropOptions, node } from './node.js';

/**
 * `CREATE [OR REPLACE] VIEW name [(cols)] [WITH (...)] AS query [WITH CHECK OPTION]`, or
 * `CREATE MATERIALIZED VIEW [IF NOT EXISTS] name AS query WITH [NO] DATA` (and the comments).
 */
export interface CreateViewOperation {
  readonly kind: 'createView';
  readonly view: View;
  /** `OR REPLACE` (plain views only; PostgreSQL has no `OR REPLACE` for materialized views). */
  readonly orReplace: boolean;
  /** Materialized views: `WITH DATA` (true) or `WITH NO DATA`. */
  readonly withData: boolean;
  /**
   * Set by `invert` when this node re-creates something a drop destroyed: the definition comes back,
   * the data does not, and the compiled statement carries a `deletes-data` hazard saying so.
   */
  readonly restoresDropped?: boolean;
}

/** `DROP [MATERIALIZED] VIEW [IF EXISTS] name [CASCADE]`. */
export interface DropViewOperation extends DropOptions {
  readonly kind: 'dropView';
  readonly view: QualifiedName;
  readonly materialized: boolean;
}

/** `ALTER [MATERIALIZED] VIEW name RENAME TO to`. */
export interface RenameViewOperation {
  readonly kind: 'renameView';
  readonly view: QualifiedName;
  readonly materialized: boolean;
  readonly to: string;
}

/** `REFRESH MATERIALIZED VIEW [CONCURRENTLY] name [WITH NO DATA]`. */
export interface RefreshMaterializedViewOperation {
  readonly kind: 'refreshMaterializedView';
  readonly view: QualifiedName;
  /** Needs a unique index on the view; cannot run in a transaction block. */
  readonly concurrently: boolean;
  readonly withData: boolean;
}

/** @example createView(view, { orReplace: true }) */
export function createView(
  view: View,
  options: { orReplace?: boolean; withData?: boolean } = {},
): CreateViewOperation {
  return node({
    kind: 'createView',
    view,
    orReplace: options.orReplace ?? false,
    withData: options.withData ?? true,
  });
}

/** @example dropView({ schema: 'public', name: 'active_users' }, { materialized: false, ifExists: true }) */
export function dropView(
  view: QualifiedName,
  options: Partial<DropOptions> & { materialized?: boolean } = {},
): DropViewOperation {
  return node({
    kind: 'dropView',
    view,
    materialized: options.materialized ?? false,
    ...dropOptions(options),
  });
}

/** @example renameView({ schema: 'public', name: 'v1' }, 'active_users') */
export function renameView(
  view: QualifiedName,
  to: string,
  options: { materialized?: boolean } = {},
): RenameViewOperation {
  return node({ kind: 'renameView', view, materialized: options.materialized ?? false, to });
}

/** @example refreshMaterializedView({ schema: 'public', name: 'stats' }, { concurrently: true }) */
export function refreshMaterializedView(
  view: QualifiedName,
  options: { concurrently?: boolean; withData?: boolean } = {},
): RefreshMaterializedViewOperation {
  return node({
    kind: 'refreshMaterializedView',
    view,
    concurrently: options.concurrently ?? false,
    withData: options.withData ?? true,
  });
}
