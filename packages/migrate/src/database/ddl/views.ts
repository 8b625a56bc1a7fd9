import { createView as createViewOp, dropView as dropViewOp } from '@justscale/schema';
import type { DatabaseContext } from '../context.js';
import { checkName, type ObjectName, resolveRelation, runOperations } from './shared.js';
import type { DropOptions } from './tables.js';

/** Options of `createView`. */
export interface CreateViewOptions {
  /** A materialized view. */
  readonly materialized?: boolean;
  /** `CREATE OR REPLACE VIEW` (plain views only). */
  readonly orReplace?: boolean;
  /** Explicit column names. */
  readonly columns?: readonly string[];
  readonly checkOption?: 'LOCAL' | 'CASCADED';
  readonly securityBarrier?: boolean;
  /** `security_invoker` (PostgreSQL 15+). */
  readonly securityInvoker?: boolean;
  /** Materialized views: fill it now (default) or `WITH NO DATA`. */
  readonly withData?: boolean;
}

export interface ViewMethods {
  /**
   * Creates a view (or a materialized view) from a query, used as written.
   *
   * @example
   * await db.createView('active_users', "SELECT id, email FROM users WHERE status = 'active'");
   */
  createView(name: ObjectName, query: string, options?: CreateViewOptions): Promise<void>;
  /**
   * Drops a view (`materialized: true` for a materialized one).
   *
   * @example
   * await db.dropView('active_users', { ifExists: true });
   */
  dropView(name: ObjectName, options?: DropOptions & { readonly materialized?: boolean }): Promise<void>;
}

export function viewMethods(context: DatabaseContext): ViewMethods {
  return {
    async createView(name, query, options = {}) {
      const view = await resolveRelation(context, name, 'view');
      await runOperations(context, [
        createViewOp(
          {
            ...view,
            materialized: options.materialized ?? false,
            definition: checkName(query, 'view query'),
            columns: options.columns ?? [],
            checkOption: options.checkOption ?? null,
            securityBarrier: options.securityBarrier ?? false,
            securityInvoker: options.securityInvoker ?? false,
            columnComments: {},
            comment: null,
          },
          { orReplace: options.orReplace ?? false, withData: options.withData ?? true },
        ),
      ]);
    },
    async dropView(name, options = {}) {
      const view = await resolveRelation(context, name, 'view');
      await runOperations(context, [dropViewOp(view, options)]);
    },
  };
}
