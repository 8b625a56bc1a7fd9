import type { Policy, QualifiedName } from '../snapshot.js';
import { node } from './node.js';

/** `ALTER TABLE t ENABLE | DISABLE ROW LEVEL SECURITY`. */
export interface SetRowSecurityOperation {
  readonly kind: 'setRowSecurity';
  readonly table: QualifiedName;
  readonly enabled: boolean;
}

/** `ALTER TABLE t [NO] FORCE ROW LEVEL SECURITY`. */
export interface SetForceRowSecurityOperation {
  readonly kind: 'setForceRowSecurity';
  readonly table: QualifiedName;
  readonly forced: boolean;
}

/** `CREATE POLICY name ON t AS {PERMISSIVE|RESTRICTIVE} FOR cmd TO roles USING (...) WITH CHECK (...)`. */
export interface CreatePolicyOperation {
  readonly kind: 'createPolicy';
  readonly table: QualifiedName;
  readonly policy: Policy;
}

/**
 * What `ALTER POLICY` can change; absent keys stay. PostgreSQL cannot change a policy's command or
 * permissiveness, nor remove an expression: for those, drop and create the policy.
 */
export interface PolicyChanges {
  readonly roles?: readonly string[];
  readonly using?: string;
  readonly withCheck?: string;
}

/** `ALTER POLICY name ON t [TO roles] [USING (...)] [WITH CHECK (...)]`. */
export interface AlterPolicyOperation {
  readonly kind: 'alterPolicy';
  readonly table: QualifiedName;
  readonly name: string;
  readonly changes: PolicyChanges;
}

/** `DROP POLICY [IF EXISTS] name ON t`. */
export interface DropPolicyOperation {
  readonly kind: 'dropPolicy';
  readonly table: QualifiedName;
  readonly name: string;
  readonly ifExists: boolean;
}

/** `ALTER POLICY name ON t RENAME TO to`. */
export interface RenamePolicyOperation {
  readonly kind: 'renamePolicy';
  readonly table: QualifiedName;
  readonly name: string;
  readonly to: string;
}

/** @example setRowSecurity(users, true) */
export function setRowSecurity(table: QualifiedName, enabled: boolean): SetRowSecurityOperation {
  return node({ kind: 'setRowSecurity', table, enabled });
}

/** @example setForceRowSecurity(users, true) */
export function setForceRowSecurity(table: QualifiedName, forced: boolean): SetForceRowSecurityOperation {
  return node({ kind: 'setForceRowSecurity', table, forced });
}

/** @example createPolicy(users, { name: 'own_rows', permissive: true, command: 'ALL', roles: ['public'], using: '(owner = CURRENT_USER)', withCheck: null, comment: null }) */
export function createPolicy(table: QualifiedName, policy: Policy): CreatePolicyOperation {
  return node({ kind: 'createPolicy', table, policy });
}

/** @example alterPolicy(users, 'own_rows', { roles: ['app'] }) */
export function alterPolicy(
  table: QualifiedName,
  name: string,
  changes: PolicyChanges,
): AlterPolicyOperation {
  return node({ kind: 'alterPolicy', table, name, changes });
}

/** @example dropPolicy(users, 'own_rows', { ifExists: true }) */
export function dropPolicy(
  table: QualifiedName,
  name: string,
  options: { ifExists?: boolean } = {},
): DropPolicyOperation {
  return node({ kind: 'dropPolicy', table, name, ifExists: options.ifExists ?? false });
}

/** @example renamePolicy(users, 'p1', 'own_rows') */
export function renamePolicy(table: QualifiedName, name: string, to: string): RenamePolicyOperation {
  return node({ kind: 'renamePolicy', table, name, to });
}
