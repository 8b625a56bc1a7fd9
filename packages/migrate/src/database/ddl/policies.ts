import {
  createPolicy as createPolicyOp,
  dropPolicy as dropPolicyOp,
  type PolicyCommand,
  setForceRowSecurity,
  setRowSecurity,
} from '@justscale/schema';
import type { DatabaseContext } from '../context.js';
import { checkName, type ObjectName, resolveRelation, runOperations } from './shared.js';

/** A row-level security policy for `createPolicy`. */
export interface PolicyDefinition {
  /** `ALL` (default), `SELECT`, `INSERT`, `UPDATE` or `DELETE`. */
  readonly command?: PolicyCommand;
  /** Role names; everyone (`public`) by default. */
  readonly roles?: readonly string[];
  /** `USING (...)`: SQL, as written. */
  readonly using?: string;
  /** `WITH CHECK (...)`: SQL, as written. */
  readonly withCheck?: string;
  /** `AS RESTRICTIVE` when false; permissive by default. */
  readonly permissive?: boolean;
}

export interface PolicyMethods {
  /**
   * Turns row-level security on for a table (`force` applies it to the table's owner too).
   *
   * @example
   * await db.enableRowLevelSecurity('documents');
   */
  enableRowLevelSecurity(table: ObjectName, options?: { readonly force?: boolean }): Promise<void>;
  /**
   * Turns row-level security off.
   *
   * @example
   * await db.disableRowLevelSecurity('documents');
   */
  disableRowLevelSecurity(table: ObjectName): Promise<void>;
  /**
   * Creates a policy.
   *
   * @example
   * await db.createPolicy('documents', 'own_rows', { using: 'owner = current_user' });
   */
  createPolicy(table: ObjectName, name: string, definition?: PolicyDefinition): Promise<void>;
  /**
   * Drops a policy.
   *
   * @example
   * await db.dropPolicy('documents', 'own_rows');
   */
  dropPolicy(table: ObjectName, name: string, options?: { readonly ifExists?: boolean }): Promise<void>;
}

export function policyMethods(context: DatabaseContext): PolicyMethods {
  return {
    async enableRowLevelSecurity(tableName, options = {}) {
      const table = await resolveRelation(context, tableName);
      await runOperations(context, [
        setRowSecurity(table, true),
        ...(options.force ? [setForceRowSecurity(table, true)] : []),
      ]);
    },
    async disableRowLevelSecurity(tableName) {
      const table = await resolveRelation(context, tableName);
      await runOperations(context, [setRowSecurity(table, false)]);
    },
    async createPolicy(tableName, name, definition = {}) {
      const table = await resolveRelation(context, tableName);
      await runOperations(context, [
        createPolicyOp(table, {
          name: checkName(name, 'policy name'),
          permissive: definition.permissive ?? true,
          command: definition.command ?? 'ALL',
          roles: [...(definition.roles ?? ['public'])].sort(),
          using: definition.using ?? null,
          withCheck: definition.withCheck ?? null,
          comment: null,
        }),
      ]);
    },
    async dropPolicy(tableName, name, options = {}) {
      const table = await resolveRelation(context, tableName);
      await runOperations(context, [
        dropPolicyOp(table, checkName(name, 'policy name'), { ifExists: options.ifExists ?? false }),
      ]);
    },
  };
}
