import type { Grant, GrantOperation, RawOperation, RevokeOperation } from '@justscale/schema';
import { InvalidSqlFragmentError } from '../errors.js';
import { H } from '../hazards.js';
import { quoteIdent, quoteQualified } from '../quote.js';
import { assertNever } from '../render.js';
import { compact, type Statement, statement } from '../statement.js';
import { roleList } from './policies.js';

const PRIVILEGES = new Set([
  'SELECT',
  'INSERT',
  'UPDATE',
  'DELETE',
  'TRUNCATE',
  'REFERENCES',
  'TRIGGER',
  'MAINTAIN',
  'USAGE',
  'CREATE',
  'EXECUTE',
  'ALL',
  'ALL PRIVILEGES',
]);

function privileges(g: Grant): string {
  for (const p of g.privileges) {
    if (!PRIVILEGES.has(p)) throw new InvalidSqlFragmentError('privilege', p);
  }
  if (g.privileges.length === 0) throw new InvalidSqlFragmentError('privilege list', '');
  return g.privileges.join(', ');
}

function object(g: Grant): string {
  switch (g.objectKind) {
    case 'schema':
      return `SCHEMA ${quoteIdent(g.object.name)}`;
    case 'table':
      return `TABLE ${quoteQualified(g.object)}`;
    case 'sequence':
      return `SEQUENCE ${quoteQualified(g.object)}`;
    case 'function':
      // ROUTINE: the grant model does not tell functions from procedures, and ON FUNCTION
      // rejects a procedure.
      return `ROUTINE ${quoteQualified(g.object)}(${g.object.arguments ?? ''})`;
    default:
      return assertNever(g.objectKind);
  }
}

/** Introspection reads the PUBLIC pseudo-role (grantee OID 0) as `PUBLIC`; `public` is accepted too. */
function grantee(g: Grant): string {
  return g.grantee === 'PUBLIC' ? 'PUBLIC' : roleList([g.grantee]);
}

export function compileGrant(op: GrantOperation): Statement[] {
  const g = op.grant;
  const option = g.grantable ? ' WITH GRANT OPTION' : '';
  return [statement(`GRANT ${privileges(g)} ON ${object(g)} TO ${grantee(g)}${option}`)];
}

export function compileRevoke(op: RevokeOperation): Statement[] {
  const g = op.grant;
  const option = g.grantable ? 'GRANT OPTION FOR ' : '';
  return [
    statement(
      `REVOKE ${option}${privileges(g)} ON ${object(g)} FROM ${grantee(g)}${op.cascade ? ' CASCADE' : ''}`,
      compact([op.cascade && H.dropsDependents(`the privileges ${quoteIdent(g.grantee)} granted onwards`)]),
    ),
  ];
}

export function compileRaw(op: RawOperation): Statement[] {
  const declared = op.hazards.some((h) => h.kind === 'not-transactional');
  const hazards =
    op.transactional || declared ? op.hazards : [...op.hazards, H.notTransactional('This raw SQL')];
  return [statement(op.sql, hazards, op.transactional)];
}
