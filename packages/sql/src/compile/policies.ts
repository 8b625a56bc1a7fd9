import type {
  AlterPolicyOperation,
  CreatePolicyOperation,
  DropPolicyOperation,
  Policy,
  QualifiedName,
  RenamePolicyOperation,
  SetForceRowSecurityOperation,
  SetRowSecurityOperation,
} from '@justscale/schema';
import { InvalidOperationError } from '../errors.js';
import { H } from '../hazards.js';
import { quoteIdent, quoteQualified } from '../quote.js';
import { ifExists, onTable } from '../render.js';
import { type Statement, statement } from '../statement.js';
import { commentIfAny } from './comments.js';

/** Role names; `public` is the PUBLIC pseudo-role, every other name is quoted. */
export function roleList(roles: readonly string[]): string {
  return roles.map((r) => (r === 'public' ? 'PUBLIC' : quoteIdent(r))).join(', ');
}

export function compileSetRowSecurity(op: SetRowSecurityOperation): Statement[] {
  const t = quoteQualified(op.table);
  return [
    statement(`ALTER TABLE ${t} ${op.enabled ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY`, [
      H.accessExclusive(t),
    ]),
  ];
}

export function compileSetForceRowSecurity(op: SetForceRowSecurityOperation): Statement[] {
  const t = quoteQualified(op.table);
  return [
    statement(`ALTER TABLE ${t} ${op.forced ? '' : 'NO '}FORCE ROW LEVEL SECURITY`, [H.accessExclusive(t)]),
  ];
}

/** `CREATE POLICY` for one policy of a table, and its comment. */
export function createPolicyStatements(table: QualifiedName, p: Policy): Statement[] {
  let sql = `CREATE POLICY ${onTable(p.name, table)} AS ${p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'} FOR ${p.command}`;
  sql += ` TO ${roleList(p.roles.length === 0 ? ['public'] : p.roles)}`;
  if (p.using !== null) sql += ` USING (${p.using})`;
  if (p.withCheck !== null) sql += ` WITH CHECK (${p.withCheck})`;
  return [statement(sql), ...commentIfAny({ objectKind: 'policy', table, name: p.name }, p.comment)];
}

export function compileCreatePolicy(op: CreatePolicyOperation): Statement[] {
  return createPolicyStatements(op.table, op.policy);
}

export function compileAlterPolicy(op: AlterPolicyOperation): Statement[] {
  const c = op.changes;
  let sql = `ALTER POLICY ${onTable(op.name, op.table)}`;
  if (c.roles !== undefined) sql += ` TO ${roleList(c.roles.length === 0 ? ['public'] : c.roles)}`;
  if (c.using !== undefined) sql += ` USING (${c.using})`;
  if (c.withCheck !== undefined) sql += ` WITH CHECK (${c.withCheck})`;
  if (c.roles === undefined && c.using === undefined && c.withCheck === undefined) {
    throw new InvalidOperationError(op, 'no change given');
  }
  return [statement(sql)];
}

export function compileDropPolicy(op: DropPolicyOperation): Statement[] {
  return [statement(`DROP POLICY ${ifExists(op.ifExists)}${onTable(op.name, op.table)}`)];
}

export function compileRenamePolicy(op: RenamePolicyOperation): Statement[] {
  return [statement(`ALTER POLICY ${onTable(op.name, op.table)} RENAME TO ${quoteIdent(op.to)}`)];
}
