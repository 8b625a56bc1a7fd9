import { quoteLiteral } from '@justscale/sql';
import type { PlannedStatement } from './types.js';

/**
 * `ALTER TYPE ... ADD VALUE` is planned outside a transaction (see families/types.ts) so that the
 * value is committed before a later statement uses it: inside the transaction that adds it,
 * PostgreSQL refuses the new value (`unsafe use of new value`). Since PostgreSQL 12 the statement
 * itself runs in a transaction block, so where no later statement of the plan names the value (as
 * the literal `'value'`, in a default, a check, an index predicate, a view, another ADD VALUE's
 * BEFORE/AFTER, ...), it goes back into the transaction and the plan stays atomic: a migration
 * that adds a value and fails later rolls back whole instead of leaving the value and what ran
 * before it applied. The `enum-value-uncommitted` hazard stays: a data change the user adds to the
 * same migration cannot use the value either.
 */
export function enumValuesInTransaction(
  statements: readonly PlannedStatement[],
  serverVersion: number | undefined,
): PlannedStatement[] {
  if (serverVersion !== undefined && serverVersion < 120000) return [...statements];
  return statements.map((s, i) => {
    const op = s.operation;
    if (op.kind !== 'addEnumValue' || s.transactional) return s;
    const literal = quoteLiteral(op.value);
    if (statements.slice(i + 1).some((later) => later.sql.includes(literal))) return s;
    return Object.freeze({
      ...s,
      transactional: true,
      hazards: Object.freeze(s.hazards.filter((h) => h.kind !== 'not-transactional')),
    });
  });
}
