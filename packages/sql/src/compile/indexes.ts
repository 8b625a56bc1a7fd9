import type {
  AttachIndexOperation,
  CreateIndexOperation,
  DropIndexOperation,
  Index,
  IndexKey,
  RenameIndexOperation,
  SetIndexOptionsOperation,
} from '@justscale/schema';
import { InvalidOperationError } from '../errors.js';
import { H } from '../hazards.js';
import { quoteIdent, quoteIdents, quoteQualified, renderOptionName, renderOptions } from '../quote.js';
import { cascade, collate, ifExists, ifNotExists } from '../render.js';
import { type Context, compact, type Statement, statement } from '../statement.js';
import { commentIfAny } from './comments.js';

function key(k: IndexKey): string {
  let sql = k.column !== null ? quoteIdent(k.column) : `(${k.expression ?? ''})`;
  sql += collate(k.collation);
  if (k.opclass !== null) sql += ` ${quoteQualified(k.opclass)}`;
  if (k.descending) sql += k.nullsFirst ? ' DESC' : ' DESC NULLS LAST';
  else if (k.nullsFirst) sql += ' NULLS FIRST';
  return sql;
}

/** The `CREATE INDEX` text of an index (shared with `invert`'s re-creations). */
export function createIndexSql(
  i: Index,
  ctx: Context,
  concurrently: boolean,
  notExists: boolean,
  only = false,
): string {
  let sql = `CREATE ${i.unique ? 'UNIQUE ' : ''}INDEX ${concurrently ? 'CONCURRENTLY ' : ''}${ifNotExists(notExists)}`;
  sql += `${quoteIdent(i.name)} ON ${only ? 'ONLY ' : ''}${quoteQualified({ schema: i.schema, name: i.table })}`;
  sql += ` USING ${quoteIdent(i.method)} (${i.keys.map(key).join(', ')})`;
  if (i.include.length > 0) sql += ` INCLUDE (${quoteIdents(i.include)})`;
  if (i.nullsNotDistinct) {
    ctx.requireVersion('NULLS NOT DISTINCT', 150000);
    sql += ' NULLS NOT DISTINCT';
  }
  if (Object.keys(i.options).length > 0) sql += ` WITH ${renderOptions(i.options)}`;
  if (i.where !== null) sql += ` WHERE ${i.where}`;
  return sql;
}

export function compileCreateIndex(op: CreateIndexOperation, ctx: Context): Statement[] {
  const i = op.index;
  if (i.keys.length === 0) throw new InvalidOperationError(op, 'an index needs at least one key');
  const name = quoteIdent(i.name);
  const table = quoteQualified({ schema: i.schema, name: i.table });
  if (op.only && op.concurrently)
    throw new InvalidOperationError(op, 'PostgreSQL does not build an index ON ONLY a table CONCURRENTLY');
  if (op.only) {
    // The partitioned table's own index holds no rows: nothing is built, nothing checked. It stays
    // invalid (unused by queries) until every partition's index is attached to it.
    return [
      statement(createIndexSql(i, ctx, false, op.ifNotExists, true)),
      ...commentIfAny({ objectKind: 'index', object: i }, i.comment),
    ];
  }
  const hazards = compact([
    H.buildsIndex(name),
    op.concurrently
      ? H.notTransactional('CREATE INDEX CONCURRENTLY (a failed build leaves an INVALID index to drop)')
      : H.blocksWrites(`Building ${name} on ${table} (SHARE lock)`),
    i.unique && H.mayFail(`Existing rows of ${table} must be unique on ${name}'s keys`),
  ]);
  return [
    statement(createIndexSql(i, ctx, op.concurrently, op.ifNotExists), hazards, !op.concurrently),
    ...commentIfAny({ objectKind: 'index', object: i }, i.comment),
  ];
}

export function compileAttachIndex(op: AttachIndexOperation): Statement[] {
  return [
    statement(
      `ALTER INDEX ${quoteQualified(op.index)} ATTACH PARTITION ${quoteQualified(op.partitionIndex)}`,
    ),
  ];
}

export function compileDropIndex(op: DropIndexOperation): Statement[] {
  if (op.concurrently && op.cascade) {
    throw new InvalidOperationError(op, 'PostgreSQL does not allow CASCADE with DROP INDEX CONCURRENTLY');
  }
  const name = quoteQualified(op.index);
  const sql = `DROP INDEX ${op.concurrently ? 'CONCURRENTLY ' : ''}${ifExists(op.ifExists)}${name}${cascade(op.cascade)}`;
  return [
    statement(
      sql,
      compact([
        op.concurrently
          ? H.notTransactional('DROP INDEX CONCURRENTLY')
          : H.accessExclusive(`the table of ${name}`),
        op.cascade && H.dropsDependents(`index ${name}`),
      ]),
      !op.concurrently,
    ),
  ];
}

export function compileRenameIndex(op: RenameIndexOperation): Statement[] {
  return [statement(`ALTER INDEX ${quoteQualified(op.index)} RENAME TO ${quoteIdent(op.to)}`)];
}

export function compileSetIndexOptions(op: SetIndexOptionsOperation): Statement[] {
  const name = quoteQualified(op.index);
  const out: Statement[] = [];
  if (Object.keys(op.set).length > 0) out.push(statement(`ALTER INDEX ${name} SET ${renderOptions(op.set)}`));
  if (op.reset.length > 0) {
    out.push(statement(`ALTER INDEX ${name} RESET (${op.reset.map(renderOptionName).join(', ')})`));
  }
  return out;
}
