import {
  type AddInheritOperation,
  type AttachPartitionOperation,
  addConstraint,
  type CreateTableOperation,
  type DetachPartitionOperation,
  type DropInheritOperation,
  type DropTableOperation,
  type RenameTableOperation,
  type SetTableLoggedOperation,
  type SetTableOptionsOperation,
  type Table,
} from '@justscale/schema';
import { H } from '../hazards.js';
import { quoteIdent, quoteQualified, renderOptionName, renderOptions } from '../quote.js';
import { cascade, columnDefinition, constraintBody, ifExists, ifNotExists } from '../render.js';
import { type Context, compact, type Statement, statement } from '../statement.js';
import { columnAttributeStatements } from './column-attributes.js';
import { commentIfAny } from './comments.js';
import { compileAddConstraint, indexCommentIfAny, isNotValid } from './constraints.js';
import { createPolicyStatements } from './policies.js';
import { tableStorageStatements } from './storage.js';

function createTableSql(t: Table, op: CreateTableOperation, ctx: Context): string {
  const head = `CREATE ${t.unlogged ? 'UNLOGGED ' : ''}TABLE ${ifNotExists(op.ifNotExists)}${quoteQualified(t)}`;
  // CREATE TABLE validates every constraint it lists: a NOT VALID one is added after (tableExtras).
  const constraints = t.constraints
    .filter((c) => !isNotValid(c))
    .map((c) => `CONSTRAINT ${quoteIdent(c.name)} ${constraintBody(c, ctx)}`);
  let sql: string;
  if (t.partitionOf !== null) {
    // A partition takes its columns from its parent; only its own constraints are listed.
    sql = `${head} PARTITION OF ${quoteQualified(t.partitionOf.parent)}`;
    if (constraints.length > 0) sql += ` (\n  ${constraints.join(',\n  ')}\n)`;
    sql += ` ${t.partitionOf.bound}`;
  } else {
    // A column the table has only from its parents is not listed: listing it would make it local.
    const own = t.inherits.length > 0 ? t.columns.filter((c) => c.inherited !== true) : t.columns;
    const elements = [...own.map((c) => columnDefinition(c, t.schema)), ...constraints];
    sql = elements.length === 0 ? `${head} ()` : `${head} (\n  ${elements.join(',\n  ')}\n)`;
    if (t.inherits.length > 0) sql += ` INHERITS (${t.inherits.map(quoteQualified).join(', ')})`;
  }
  if (t.partitionBy !== null) sql += ` PARTITION BY ${t.partitionBy}`;
  if (Object.keys(t.options).length > 0) sql += ` WITH ${renderOptions(t.options)}`;
  return sql;
}

/**
 * Everything a `Table` holds after its `CREATE TABLE`: NOT VALID constraints, comments, row-level
 * security, policies.
 */
function tableExtras(t: Table, ctx: Context): Statement[] {
  const name = quoteQualified(t);
  const out: Statement[] = [...commentIfAny({ objectKind: 'table', object: t }, t.comment)];
  if (t.partitionOf === null) {
    for (const c of t.columns) {
      out.push(...commentIfAny({ objectKind: 'column', table: t, column: c.name }, c.comment));
    }
  }
  for (const c of t.columns) out.push(...columnAttributeStatements(t, c, ctx));
  for (const c of t.constraints) {
    if (isNotValid(c)) out.push(...compileAddConstraint(addConstraint(t, c, { notValid: true }), ctx));
    else out.push(...commentIfAny({ objectKind: 'constraint', table: t, name: c.name }, c.comment));
    out.push(...indexCommentIfAny(t, c));
  }
  out.push(...tableStorageStatements(t));
  if (t.rowSecurity) out.push(statement(`ALTER TABLE ${name} ENABLE ROW LEVEL SECURITY`));
  if (t.forceRowSecurity) out.push(statement(`ALTER TABLE ${name} FORCE ROW LEVEL SECURITY`));
  for (const p of t.policies) out.push(...createPolicyStatements(t, p));
  return out;
}

export function compileCreateTable(op: CreateTableOperation, ctx: Context): Statement[] {
  const t = op.table;
  return [
    statement(
      createTableSql(t, op, ctx),
      compact([op.restoresDropped === true && H.restoresDropped(`table ${quoteQualified(t)}`)]),
    ),
    ...tableExtras(t, ctx),
  ];
}

export function compileDropTable(op: DropTableOperation): Statement[] {
  const name = quoteQualified(op.table);
  return [
    statement(
      `DROP TABLE ${ifExists(op.ifExists)}${name}${cascade(op.cascade)}`,
      compact([
        H.deletesData(`table ${name} and all its rows`),
        H.accessExclusive(name),
        op.cascade && H.dropsDependents(`table ${name}`),
      ]),
    ),
  ];
}

export function compileRenameTable(op: RenameTableOperation): Statement[] {
  const name = quoteQualified(op.table);
  return [statement(`ALTER TABLE ${name} RENAME TO ${quoteIdent(op.to)}`, [H.accessExclusive(name)])];
}

export function compileSetTableLogged(op: SetTableLoggedOperation): Statement[] {
  const name = quoteQualified(op.table);
  const to = op.unlogged ? 'UNLOGGED' : 'LOGGED';
  return [statement(`ALTER TABLE ${name} SET ${to}`, [H.rewrites(`SET ${to}`), H.accessExclusive(name)])];
}

export function compileSetTableOptions(op: SetTableOptionsOperation): Statement[] {
  const name = quoteQualified(op.table);
  const out: Statement[] = [];
  if (Object.keys(op.set).length > 0) out.push(statement(`ALTER TABLE ${name} SET ${renderOptions(op.set)}`));
  if (op.reset.length > 0) {
    out.push(statement(`ALTER TABLE ${name} RESET (${op.reset.map(renderOptionName).join(', ')})`));
  }
  return out;
}

export function compileAttachPartition(op: AttachPartitionOperation): Statement[] {
  const partition = quoteQualified(op.partition);
  return [
    statement(`ALTER TABLE ${quoteQualified(op.parent)} ATTACH PARTITION ${partition} ${op.bound}`, [
      H.validatesByScan(`Attaching ${partition}`),
      H.mayFail(`Every row of ${partition} must fall within the partition bound`),
      H.accessExclusive(partition),
    ]),
  ];
}

export function compileDetachPartition(op: DetachPartitionOperation, ctx: Context): Statement[] {
  const parent = quoteQualified(op.parent);
  const sql = `ALTER TABLE ${parent} DETACH PARTITION ${quoteQualified(op.partition)}`;
  if (op.concurrently) {
    ctx.requireVersion('DETACH PARTITION CONCURRENTLY', 140000);
    return [statement(`${sql} CONCURRENTLY`, [H.notTransactional('DETACH PARTITION CONCURRENTLY')], false)];
  }
  return [statement(sql, [H.accessExclusive(parent)])];
}

export function compileAddInherit(op: AddInheritOperation): Statement[] {
  const name = quoteQualified(op.table);
  return [statement(`ALTER TABLE ${name} INHERIT ${quoteQualified(op.parent)}`, [H.accessExclusive(name)])];
}

export function compileDropInherit(op: DropInheritOperation): Statement[] {
  const name = quoteQualified(op.table);
  return [
    statement(`ALTER TABLE ${name} NO INHERIT ${quoteQualified(op.parent)}`, [H.accessExclusive(name)]),
  ];
}
