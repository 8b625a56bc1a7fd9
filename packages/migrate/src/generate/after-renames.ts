import type { Plan } from '@justscale/diff';
import type { Driver } from '@justscale/driver';
import { type IntrospectOptions, introspectWithin } from '@justscale/introspect';
import type { QualifiedName, Snapshot } from '@justscale/schema';

const RENAMES = new Set(['renameTable', 'renameColumn', 'renameType', 'renameEnumValue']);

/** Thrown inside the transaction so that it rolls back; never leaves this module. */
class RollBack extends Error {}

const key = (v: QualifiedName): string => `${v.schema}\u0000${v.name}`;

/**
 * The types the plan creates: an enum rebuilt under a temporary name is renamed to its own at the
 * end (`ALTER TYPE status__new RENAME TO status`), a rename of the plan's own making, not one the
 * database can run before the rest of the plan.
 */
function typesCreated(plan: Plan): Set<string> {
  const created = new Set<string>();
  for (const op of plan.operations) {
    if (op.kind === 'createEnum') created.add(key(op.enum));
    else if (op.kind === 'createDomain') created.add(key(op.domain));
    else if (op.kind === 'createCompositeType') created.add(key(op.type));
  }
  return created;
}

/**
 * The views the models do not own, as PostgreSQL will print them after the plan's renames.
 *
 * A kept view is copied from the database into the desired schema with its definition as it reads
 * today (`SELECT t.title ...`). PostgreSQL follows a renamed column or table into the views that
 * read it, so after `RENAME COLUMN title TO name` the same view reads `SELECT t.name AS title`. When
 * the plan must also drop and create that view again (the column is retyped as well), it has to
 * create it with the new text, or `CREATE VIEW` fails on a column that no longer exists. Only
 * PostgreSQL rewrites a definition exactly: the renames run in a transaction that is rolled back,
 * and the views are read in between (the renames take their locks for that moment, bounded by a
 * `lock_timeout`). Nothing else runs, and nothing is kept.
 *
 * Returns `desired` unchanged when the plan renames nothing or creates no view.
 */
export async function viewsAfterRenames(
  driver: Driver,
  plan: Plan,
  desired: Snapshot,
  options: IntrospectOptions,
): Promise<Snapshot> {
  const created = typesCreated(plan);
  const renames = plan.statements.filter(
    (s) =>
      RENAMES.has(s.operation.kind) &&
      !(s.operation.kind === 'renameType' && created.has(key(s.operation.type))),
  );
  const recreated = new Set(
    plan.operations.flatMap((op) => (op.kind === 'createView' ? [key(op.view)] : [])),
  );
  if (renames.length === 0 || !desired.views.some((v) => recreated.has(key(v)))) return desired;
  let read: Snapshot | undefined;
  try {
    await driver.transaction(async (tx) => {
      await tx.exec("SET LOCAL lock_timeout = '5s'");
      for (const statement of renames) await tx.exec(statement.sql);
      read = await introspectWithin(tx, options);
      throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  const after = new Map((read?.views ?? []).map((v) => [key(v), v]));
  return {
    ...desired,
    views: desired.views.map((v) => {
      const now = after.get(key(v));
      return now === undefined || !recreated.has(key(v)) ? v : { ...v, definition: now.definition };
    }),
  };
}
