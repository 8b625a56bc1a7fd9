import type {
  CreateTriggerOperation,
  DropTriggerOperation,
  RenameTriggerOperation,
  Trigger,
} from '@justscale/schema';
import { InvalidOperationError } from '../errors.js';
import { H } from '../hazards.js';
import { quoteIdent, quoteIdents, quoteLiteral, quoteQualified } from '../quote.js';
import { cascade, ifExists, onTable } from '../render.js';
import { type Context, compact, type Statement, statement } from '../statement.js';
import { commentIfAny } from './comments.js';

function events(t: Trigger): string {
  return t.events
    .map((e) =>
      e === 'UPDATE' && t.updateColumns.length > 0 ? `UPDATE OF ${quoteIdents(t.updateColumns)}` : e,
    )
    .join(' OR ');
}

export function compileCreateTrigger(op: CreateTriggerOperation, ctx: Context): Statement[] {
  const t = op.trigger;
  const table = { schema: t.schema, name: t.table };
  if (op.orReplace) {
    if (t.constraint)
      throw new InvalidOperationError(op, 'OR REPLACE is not allowed for constraint triggers');
    ctx.requireVersion('CREATE OR REPLACE TRIGGER', 140000);
  }
  let sql = `CREATE ${op.orReplace ? 'OR REPLACE ' : ''}${t.constraint ? 'CONSTRAINT ' : ''}TRIGGER ${quoteIdent(t.name)}`;
  sql += ` ${t.timing} ${events(t)} ON ${quoteQualified(table)}`;
  if (t.deferrable) sql += t.initiallyDeferred ? ' DEFERRABLE INITIALLY DEFERRED' : ' DEFERRABLE';
  sql += ` FOR EACH ${t.level}`;
  if (t.when !== null) sql += ` WHEN (${t.when})`;
  const exec = ctx.version >= 110000 ? 'FUNCTION' : 'PROCEDURE';
  sql += ` EXECUTE ${exec} ${quoteQualified(t.function)}(${t.arguments.map(quoteLiteral).join(', ')})`;
  return [
    statement(sql, [H.blocksWrites(`Creating trigger ${quoteIdent(t.name)} (SHARE ROW EXCLUSIVE lock)`)]),
    ...commentIfAny({ objectKind: 'trigger', table, name: t.name }, t.comment),
  ];
}

export function compileDropTrigger(op: DropTriggerOperation): Statement[] {
  return [
    statement(
      `DROP TRIGGER ${ifExists(op.ifExists)}${onTable(op.name, op.table)}${cascade(op.cascade)}`,
      compact([
        H.accessExclusive(quoteQualified(op.table)),
        op.cascade && H.dropsDependents(`trigger ${quoteIdent(op.name)}`),
      ]),
    ),
  ];
}

export function compileRenameTrigger(op: RenameTriggerOperation): Statement[] {
  return [statement(`ALTER TRIGGER ${onTable(op.name, op.table)} RENAME TO ${quoteIdent(op.to)}`)];
}
