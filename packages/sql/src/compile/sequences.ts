import type {
  AlterSequenceOperation,
  CreateSequenceOperation,
  DropSequenceOperation,
  QualifiedName,
  RenameSequenceOperation,
} from '@justscale/schema';
import { InvalidOperationError } from '../errors.js';
import { H } from '../hazards.js';
import { quoteIdent, quoteQualified } from '../quote.js';
import { cascade, ifExists, ifNotExists, integer, sequenceOptions } from '../render.js';
import { type Context, compact, type Statement, statement } from '../statement.js';
import { commentIfAny } from './comments.js';

function ownedBy(o: { readonly table: QualifiedName; readonly column: string } | null): string {
  return o === null ? 'OWNED BY NONE' : `OWNED BY ${quoteQualified(o.table)}.${quoteIdent(o.column)}`;
}

export function compileCreateSequence(op: CreateSequenceOperation, ctx: Context): Statement[] {
  const s = op.sequence;
  if (s.unlogged === true) ctx.requireVersion('CREATE UNLOGGED SEQUENCE', 150000);
  const parts = [
    `CREATE ${s.unlogged === true ? 'UNLOGGED ' : ''}SEQUENCE ${ifNotExists(op.ifNotExists)}${quoteQualified(s)}`,
    ...sequenceOptions(s, true),
  ];
  if (s.ownedBy !== null) parts.push(ownedBy(s.ownedBy));
  return [
    statement(
      parts.join(' '),
      compact([
        op.restoresDropped === true && H.restoresDropped(`sequence ${quoteQualified(s)} (its value)`),
      ]),
    ),
    ...commentIfAny({ objectKind: 'sequence', object: s }, s.comment),
  ];
}

export function compileAlterSequence(op: AlterSequenceOperation, ctx: Context): Statement[] {
  const c = op.changes;
  const name = quoteQualified(op.sequence);
  const parts = sequenceOptions(c, true);
  if (c.restart !== undefined) parts.push(`RESTART WITH ${integer(c.restart)}`);
  if (c.ownedBy !== undefined) parts.push(ownedBy(c.ownedBy));
  const out = parts.length === 0 ? [] : [statement(`ALTER SEQUENCE ${name} ${parts.join(' ')}`)];
  // SET LOGGED / UNLOGGED is a statement of its own: it does not combine with the options.
  if (c.unlogged !== undefined) {
    ctx.requireVersion('ALTER SEQUENCE SET LOGGED / UNLOGGED', 150000);
    out.push(statement(`ALTER SEQUENCE ${name} SET ${c.unlogged ? 'UNLOGGED' : 'LOGGED'}`));
  }
  if (out.length === 0) throw new InvalidOperationError(op, 'no change given');
  return out;
}

export function compileDropSequence(op: DropSequenceOperation): Statement[] {
  const name = quoteQualified(op.sequence);
  return [
    statement(
      `DROP SEQUENCE ${ifExists(op.ifExists)}${name}${cascade(op.cascade)}`,
      compact([
        H.deletesData(`sequence ${name} and its current value`),
        op.cascade && H.dropsDependents(name),
      ]),
    ),
  ];
}

export function compileRenameSequence(op: RenameSequenceOperation): Statement[] {
  return [statement(`ALTER SEQUENCE ${quoteQualified(op.sequence)} RENAME TO ${quoteIdent(op.to)}`)];
}
