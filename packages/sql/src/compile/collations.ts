import type {
  Collation,
  CreateCollationOperation,
  DropCollationOperation,
  RenameCollationOperation,
} from '@justscale/schema';
import { H } from '../hazards.js';
import { quoteIdent, quoteLiteral, quoteQualified } from '../quote.js';
import { cascade, ifExists } from '../render.js';
import { type Context, compact, type Statement, statement } from '../statement.js';
import { commentIfAny } from './comments.js';

/** The options of `CREATE COLLATION name (...)`, in the order PostgreSQL documents them. */
function collationOptions(c: Collation, ctx: Context): string[] {
  if (c.provider === 'builtin') ctx.requireVersion('the builtin collation provider', 170000);
  if (c.icuRules !== null) ctx.requireVersion('ICU collation rules', 160000);
  return compact([
    `provider = ${c.provider}`,
    c.locale !== null && `locale = ${quoteLiteral(c.locale)}`,
    c.lcCollate !== null && `lc_collate = ${quoteLiteral(c.lcCollate)}`,
    c.lcCtype !== null && `lc_ctype = ${quoteLiteral(c.lcCtype)}`,
    c.icuRules !== null && `rules = ${quoteLiteral(c.icuRules)}`,
    !c.deterministic && 'deterministic = false',
  ]);
}

export function compileCreateCollation(op: CreateCollationOperation, ctx: Context): Statement[] {
  const c = op.collation;
  return [
    statement(`CREATE COLLATION ${quoteQualified(c)} (${collationOptions(c, ctx).join(', ')})`),
    ...commentIfAny({ objectKind: 'collation', object: c }, c.comment),
  ];
}

export function compileDropCollation(op: DropCollationOperation): Statement[] {
  const name = quoteQualified(op.collation);
  return [
    statement(
      `DROP COLLATION ${ifExists(op.ifExists)}${name}${cascade(op.cascade)}`,
      compact([op.cascade && H.dropsDependents(`collation ${name}`)]),
    ),
  ];
}

export function compileRenameCollation(op: RenameCollationOperation): Statement[] {
  return [statement(`ALTER COLLATION ${quoteQualified(op.collation)} RENAME TO ${quoteIdent(op.to)}`)];
}
