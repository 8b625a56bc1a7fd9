import type {
  Column,
  ColumnAttributeChanges,
  QualifiedName,
  SetColumnAttributesOperation,
} from '@justscale/schema';
import { InvalidSqlFragmentError } from '../errors.js';
import { H } from '../hazards.js';
import { quoteIdent, quoteQualified } from '../quote.js';
import { integer } from '../render.js';
import { type Context, type Statement, statement } from '../statement.js';

const STORAGE: readonly string[] = ['PLAIN', 'MAIN', 'EXTERNAL', 'EXTENDED'];
const COMPRESSION: readonly string[] = ['pglz', 'lz4'];

function keyword(allowed: readonly string[], value: string, what: string): string {
  if (!allowed.includes(value)) throw new InvalidSqlFragmentError(what, value);
  return value;
}

/** The `ALTER COLUMN` actions of `changes`, in one `ALTER TABLE`; null when there is none. */
function alterColumnSql(table: QualifiedName, column: string, changes: ColumnAttributeChanges, ctx: Context) {
  const col = `ALTER COLUMN ${quoteIdent(column)}`;
  const actions: string[] = [];
  if (changes.statistics !== undefined)
    actions.push(`${col} SET STATISTICS ${integer(String(changes.statistics ?? -1))}`);
  if (changes.storage !== undefined)
    actions.push(`${col} SET STORAGE ${keyword(STORAGE, changes.storage.mode, 'storage mode')}`);
  if (changes.compression !== undefined) {
    ctx.requireVersion('ALTER COLUMN SET COMPRESSION', 140000);
    actions.push(
      `${col} SET COMPRESSION ${changes.compression === null ? 'default' : keyword(COMPRESSION, changes.compression, 'compression method')}`,
    );
  }
  if (actions.length === 0) return [];
  const name = quoteQualified(table);
  // SET STATISTICS alone takes SHARE UPDATE EXCLUSIVE; SET STORAGE / COMPRESSION take ACCESS
  // EXCLUSIVE, briefly: neither rewrites the rows already stored (new values follow the new mode).
  const exclusive = changes.storage !== undefined || changes.compression !== undefined;
  return [statement(`ALTER TABLE ${name} ${actions.join(', ')}`, exclusive ? [H.accessExclusive(name)] : [])];
}

/** What a column holds beyond its definition, after `CREATE TABLE` or `ADD COLUMN` made it. */
export function columnAttributeStatements(table: QualifiedName, c: Column, ctx: Context): Statement[] {
  return alterColumnSql(
    table,
    c.name,
    {
      ...(c.statistics !== undefined && c.statistics !== -1 ? { statistics: c.statistics } : {}),
      ...(c.storage !== undefined && c.storage.mode !== c.storage.typeDefault ? { storage: c.storage } : {}),
      ...(c.compression !== undefined ? { compression: c.compression } : {}),
    },
    ctx,
  );
}

export function compileSetColumnAttributes(op: SetColumnAttributesOperation, ctx: Context): Statement[] {
  return alterColumnSql(op.table, op.column, op.changes, ctx);
}
