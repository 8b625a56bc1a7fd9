import type {
  CreateViewOperation,
  DropViewOperation,
  RefreshMaterializedViewOperation,
  RenameViewOperation,
  View,
} from '@justscale/schema';
import { InvalidOperationError } from '../errors.js';
import { H } from '../hazards.js';
import { quoteIdent, quoteIdents, quoteQualified, renderOptions } from '../quote.js';
import { cascade, ifExists } from '../render.js';
import { type Context, compact, type Statement, statement } from '../statement.js';
import { commentIfAny } from './comments.js';

/** `pg_get_viewdef` ends its query with `;`: cut it, so clauses can follow. */
function query(definition: string): string {
  return definition.trim().replace(/;\s*$/, '');
}

function viewComments(v: View): Statement[] {
  const objectKind = v.materialized ? 'materializedView' : 'view';
  return [
    ...commentIfAny({ objectKind, object: v }, v.comment),
    ...Object.entries(v.columnComments).flatMap(([column, text]) =>
      commentIfAny({ objectKind: 'column', table: v, column }, text),
    ),
  ];
}

export function compileCreateView(op: CreateViewOperation, ctx: Context): Statement[] {
  const v = op.view;
  const name = quoteQualified(v);
  const columns = v.columns.length > 0 ? ` (${quoteIdents(v.columns)})` : '';
  const restored = op.restoresDropped === true && H.restoresDropped(`materialized view ${name}`);
  if (v.materialized) {
    if (op.orReplace)
      throw new InvalidOperationError(op, 'PostgreSQL has no CREATE OR REPLACE MATERIALIZED VIEW');
    const storage =
      v.options !== undefined && Object.keys(v.options).length > 0 ? ` WITH ${renderOptions(v.options)}` : '';
    const sql = `CREATE MATERIALIZED VIEW ${name}${columns}${storage} AS ${query(v.definition)} WITH ${op.withData ? '' : 'NO '}DATA`;
    return [statement(sql, compact([restored])), ...viewComments(v)];
  }
  const options: string[] = [];
  if (v.securityBarrier) options.push('security_barrier=true');
  if (v.securityInvoker) {
    ctx.requireVersion('security_invoker views', 150000);
    options.push('security_invoker=true');
  }
  let sql = `CREATE ${op.orReplace ? 'OR REPLACE ' : ''}VIEW ${name}${columns}`;
  if (options.length > 0) sql += ` WITH (${options.join(', ')})`;
  sql += ` AS ${query(v.definition)}`;
  if (v.checkOption !== null) sql += ` WITH ${v.checkOption} CHECK OPTION`;
  return [statement(sql), ...viewComments(v)];
}

export function compileDropView(op: DropViewOperation): Statement[] {
  const name = quoteQualified(op.view);
  return [
    statement(
      `DROP ${op.materialized ? 'MATERIALIZED ' : ''}VIEW ${ifExists(op.ifExists)}${name}${cascade(op.cascade)}`,
      compact([op.cascade && H.dropsDependents(`view ${name}`)]),
    ),
  ];
}

export function compileRenameView(op: RenameViewOperation): Statement[] {
  return [
    statement(
      `ALTER ${op.materialized ? 'MATERIALIZED ' : ''}VIEW ${quoteQualified(op.view)} RENAME TO ${quoteIdent(op.to)}`,
    ),
  ];
}

export function compileRefreshMaterializedView(op: RefreshMaterializedViewOperation): Statement[] {
  if (op.concurrently && !op.withData) {
    throw new InvalidOperationError(op, 'CONCURRENTLY cannot be combined with WITH NO DATA');
  }
  const name = quoteQualified(op.view);
  const sql = `REFRESH MATERIALIZED VIEW ${op.concurrently ? 'CONCURRENTLY ' : ''}${name}${op.withData ? '' : ' WITH NO DATA'}`;
  // Without CONCURRENTLY the refresh holds ACCESS EXCLUSIVE: reads of the view wait for it.
  return [statement(sql, op.concurrently ? [] : [H.accessExclusive(name)])];
}
