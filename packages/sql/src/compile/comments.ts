import type { CommentTarget, RoutineRef, SetCommentOperation } from '@justscale/schema';
import { quoteIdent, quoteLiteral, quoteQualified } from '../quote.js';
import { assertNever, onTable } from '../render.js';
import { type Statement, statement } from '../statement.js';

/** `"schema"."name"(argument types)`: how PostgreSQL names one routine among its overloads. */
export function routineSignature(r: RoutineRef): string {
  return `${quoteQualified(r)}(${r.identityArguments})`;
}

const RELATION_KEYWORD = {
  table: 'TABLE',
  view: 'VIEW',
  materializedView: 'MATERIALIZED VIEW',
  sequence: 'SEQUENCE',
  index: 'INDEX',
  type: 'TYPE',
  domain: 'DOMAIN',
  collation: 'COLLATION',
} as const;

function target(t: CommentTarget): string {
  switch (t.objectKind) {
    case 'schema':
      return `SCHEMA ${quoteIdent(t.name)}`;
    case 'extension':
      return `EXTENSION ${quoteIdent(t.name)}`;
    case 'table':
    case 'view':
    case 'materializedView':
    case 'sequence':
    case 'index':
    case 'type':
    case 'domain':
    case 'collation':
      return `${RELATION_KEYWORD[t.objectKind]} ${quoteQualified(t.object)}`;
    case 'column':
      return `COLUMN ${quoteQualified(t.table)}.${quoteIdent(t.column)}`;
    case 'constraint':
      return `CONSTRAINT ${onTable(t.name, t.table)}`;
    case 'domainConstraint':
      return `CONSTRAINT ${quoteIdent(t.name)} ON DOMAIN ${quoteQualified(t.domain)}`;
    case 'trigger':
      return `TRIGGER ${onTable(t.name, t.table)}`;
    case 'rule':
      return `RULE ${onTable(t.name, t.table)}`;
    case 'policy':
      return `POLICY ${onTable(t.name, t.table)}`;
    case 'routine':
      return `${t.routine.routineKind === 'procedure' ? 'PROCEDURE' : 'FUNCTION'} ${routineSignature(t.routine)}`;
    default:
      return assertNever(t);
  }
}

/** `COMMENT ON target IS 'text'` (or `IS NULL`). */
export function commentStatement(t: CommentTarget, comment: string | null): Statement {
  return statement(`COMMENT ON ${target(t)} IS ${quoteLiteral(comment)}`);
}

/** A comment statement when there is a comment, for the `create*` handlers. */
export function commentIfAny(t: CommentTarget, comment: string | null): Statement[] {
  return comment === null ? [] : [commentStatement(t, comment)];
}

export function compileSetComment(op: SetCommentOperation): Statement[] {
  return [commentStatement(op.target, op.comment)];
}
