import type {
  AddColumnOperation,
  AddIdentityOperation,
  AlterColumnTypeOperation,
  AlterIdentityOperation,
  Column,
  DropColumnDefaultOperation,
  DropColumnNotNullOperation,
  DropColumnOperation,
  DropIdentityOperation,
  RenameColumnOperation,
  SetColumnDefaultOperation,
  SetColumnNotNullOperation,
} from '@justscale/schema';
import { InvalidOperationError } from '../errors.js';
import { H } from '../hazards.js';
import { quoteIdent, quoteQualified, renderType } from '../quote.js';
import {
  cascade,
  collate,
  columnDefinition,
  ifExists,
  ifNotExists,
  integer,
  sequenceOptions,
} from '../render.js';
import { type Context, compact, type Statement, statement } from '../statement.js';
import { columnAttributeStatements } from './column-attributes.js';
import { commentIfAny } from './comments.js';

// Defaults that PostgreSQL must evaluate row by row, which forces a rewrite on ADD COLUMN
// (PostgreSQL 11+ stores a non-volatile default in the catalog instead).
const VOLATILE_DEFAULT =
  /\b(?:random|gen_random_uuid|uuid_generate_v[14]\w*|uuidv[47]|clock_timestamp|timeofday|nextval|txid_current|setseed)\s*\(/i;

function addColumnHazards(op: AddColumnOperation, table: string): ReturnType<typeof H.accessExclusive>[] {
  const c: Column = op.column;
  const col = quoteIdent(c.name);
  const rewrites =
    c.generated !== null || c.identity !== null || (c.default !== null && VOLATILE_DEFAULT.test(c.default));
  return compact([
    H.accessExclusive(table),
    rewrites && H.rewrites(`Adding column ${col} (identity, stored generated or volatile default)`),
    c.notNull &&
      c.default === null &&
      c.identity === null &&
      c.generated === null &&
      H.mayFail(
        `Column ${col} is NOT NULL without a default: the table must be empty (on a table with rows, give it a default, or add it optional, backfill, then make it required)`,
      ),
    op.restoresDropped === true && H.restoresDropped(`column ${col}`),
  ]);
}

export function compileAddColumn(op: AddColumnOperation, ctx: Context): Statement[] {
  const t = quoteQualified(op.table);
  return [
    statement(
      `ALTER TABLE ${t} ADD COLUMN ${ifNotExists(op.ifNotExists)}${columnDefinition(op.column, op.table.schema)}`,
      addColumnHazards(op, t),
    ),
    ...commentIfAny({ objectKind: 'column', table: op.table, column: op.column.name }, op.column.comment),
    ...columnAttributeStatements(op.table, op.column, ctx),
  ];
}

export function compileDropColumn(op: DropColumnOperation): Statement[] {
  const t = quoteQualified(op.table);
  const col = quoteIdent(op.column);
  return [
    statement(
      `ALTER TABLE ${t} DROP COLUMN ${ifExists(op.ifExists)}${col}${cascade(op.cascade)}`,
      compact([
        H.deletesData(`column ${col} of ${t} and its values`),
        H.accessExclusive(t),
        op.cascade && H.dropsDependents(`column ${col}`),
      ]),
    ),
  ];
}

export function compileRenameColumn(op: RenameColumnOperation): Statement[] {
  const t = quoteQualified(op.table);
  return [
    statement(`ALTER TABLE ${t} RENAME COLUMN ${quoteIdent(op.from)} TO ${quoteIdent(op.to)}`, [
      H.accessExclusive(t),
    ]),
  ];
}

export function compileAlterColumnType(op: AlterColumnTypeOperation): Statement[] {
  const t = quoteQualified(op.table);
  const col = quoteIdent(op.column);
  let sql = `ALTER TABLE ${t} ALTER COLUMN ${col} TYPE ${renderType(op.type)}${collate(op.collation)}`;
  if (op.using !== null) sql += ` USING ${op.using}`;
  return [
    statement(sql, [
      H.mayRewrite(`Changing the type of ${col}`),
      H.accessExclusive(t),
      H.mayFail(
        `Every value of ${col} is converted to ${renderType(op.type)}; a conversion may also round or truncate`,
      ),
    ]),
  ];
}

const alterColumn = (op: { table: { schema: string; name: string }; column: string }): string =>
  `ALTER TABLE ${quoteQualified(op.table)} ALTER COLUMN ${quoteIdent(op.column)}`;

export function compileSetColumnDefault(op: SetColumnDefaultOperation): Statement[] {
  return [
    statement(`${alterColumn(op)} SET DEFAULT ${op.default}`, [H.accessExclusive(quoteQualified(op.table))]),
  ];
}

export function compileDropColumnDefault(op: DropColumnDefaultOperation): Statement[] {
  return [statement(`${alterColumn(op)} DROP DEFAULT`, [H.accessExclusive(quoteQualified(op.table))])];
}

export function compileSetColumnNotNull(op: SetColumnNotNullOperation): Statement[] {
  const col = quoteIdent(op.column);
  return [
    statement(`${alterColumn(op)} SET NOT NULL`, [
      H.validatesByScan(`SET NOT NULL on ${col} (unless a valid CHECK (${col} IS NOT NULL) proves it)`),
      H.mayFail(`Column ${col} must hold no NULL`),
      H.accessExclusive(quoteQualified(op.table)),
    ]),
  ];
}

export function compileDropColumnNotNull(op: DropColumnNotNullOperation): Statement[] {
  return [statement(`${alterColumn(op)} DROP NOT NULL`, [H.accessExclusive(quoteQualified(op.table))])];
}

export function compileAddIdentity(op: AddIdentityOperation): Statement[] {
  const seq = op.identity.sequence;
  const options = [
    `SEQUENCE NAME ${quoteQualified({ schema: op.table.schema, name: seq.name })}`,
    ...sequenceOptions(seq, false),
  ];
  return [
    statement(
      `${alterColumn(op)} ADD GENERATED ${op.identity.generation} AS IDENTITY (${options.join(' ')})`,
      [H.accessExclusive(quoteQualified(op.table))],
    ),
  ];
}

export function compileAlterIdentity(op: AlterIdentityOperation): Statement[] {
  const c = op.changes;
  if (c.type !== undefined) {
    throw new InvalidOperationError(
      op,
      "an identity's sequence type follows the column type: alter the column",
    );
  }
  const parts: string[] = [];
  if (c.generation !== undefined) parts.push(`SET GENERATED ${c.generation}`);
  parts.push(...sequenceOptions(c, false).map((o) => `SET ${o}`));
  if (c.restart !== undefined) parts.push(`RESTART WITH ${integer(c.restart)}`);
  if (parts.length === 0) throw new InvalidOperationError(op, 'no change given');
  return [statement(`${alterColumn(op)} ${parts.join(' ')}`, [H.accessExclusive(quoteQualified(op.table))])];
}

export function compileDropIdentity(op: DropIdentityOperation): Statement[] {
  return [
    statement(`${alterColumn(op)} DROP IDENTITY${op.ifExists ? ' IF EXISTS' : ''}`, [
      H.accessExclusive(quoteQualified(op.table)),
    ]),
  ];
}
