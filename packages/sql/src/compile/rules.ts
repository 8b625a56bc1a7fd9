import type { CreateRuleOperation, DropRuleOperation } from '@justscale/schema';
import { H } from '../hazards.js';
import { quoteIdent, quoteQualified } from '../quote.js';
import { cascade, ifExists, onTable } from '../render.js';
import { compact, type Statement, statement } from '../statement.js';
import { commentIfAny } from './comments.js';

/**
 * `CREATE [OR REPLACE] RULE name AS ON event TO table ...`. The definition is PostgreSQL's own
 * deparsed text (`pg_get_ruledef`) after `AS`: the name is quoted here, the rest is kept as printed.
 */
export function compileCreateRule(op: CreateRuleOperation): Statement[] {
  const r = op.rule;
  const table = { schema: r.schema, name: r.table };
  const definition = r.definition.trim().replace(/;\s*$/, '');
  return [
    statement(`CREATE ${op.orReplace ? 'OR REPLACE ' : ''}RULE ${quoteIdent(r.name)} AS ${definition}`, [
      H.accessExclusive(quoteQualified(table)),
    ]),
    ...commentIfAny({ objectKind: 'rule', table, name: r.name }, r.comment),
  ];
}

export function compileDropRule(op: DropRuleOperation): Statement[] {
  return [
    statement(
      `DROP RULE ${ifExists(op.ifExists)}${onTable(op.name, op.table)}${cascade(op.cascade)}`,
      compact([
        H.accessExclusive(quoteQualified(op.table)),
        op.cascade && H.dropsDependents(`rule ${quoteIdent(op.name)}`),
      ]),
    ),
  ];
}
