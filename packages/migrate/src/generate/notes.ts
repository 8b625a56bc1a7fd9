import type { Note, Plan } from '@justscale/diff';
import type { Snapshot } from '@justscale/schema';
import { quoteQualified } from '@justscale/sql';

/** What to say about a plan's notes, and where. */
export interface PlanNotes {
  /** Notes about this migration's own changes: written at the top of the file. */
  readonly file: readonly Note[];
  /** Notes for the terminal (`migrate make` prints them): the file's, and the state of the models. */
  readonly terminal: readonly Note[];
}

/**
 * Sorts a plan's notes. A note is said once, where it first applies:
 *
 * - `column-order` ("PostgreSQL cannot reorder columns") is new only in the plan that adds a column
 *   in the middle of a table; once the table's columns are out of the models' order, every later
 *   plan would repeat it, so it is dropped when `before` already had its columns in another order.
 * - `not-managed` describes the database, not the migration: the terminal only.
 *
 * Without `desired`, every column-order note is kept (there is nothing to compare with).
 */
export function sortNotes(plan: Plan, before: Snapshot, desired: Snapshot | undefined): PlanNotes {
  const settled = desired === undefined ? new Set<string>() : alreadyOutOfOrder(before, desired);
  const said = plan.notes.filter(
    (n) => n.kind !== 'column-order' || ![...settled].some((prefix) => n.message.startsWith(prefix)),
  );
  return { file: said.filter((n) => n.kind !== 'not-managed'), terminal: said };
}

/** `table "s"."t":` for each table whose existing columns are already in another order than the models'. */
function alreadyOutOfOrder(before: Snapshot, desired: Snapshot): Set<string> {
  const out = new Set<string>();
  for (const d of desired.tables) {
    const c = before.tables.find((t) => t.schema === d.schema && t.name === d.name);
    if (c === undefined) continue;
    const present = new Set(c.columns.map((x) => x.name));
    const wanted = new Set(d.columns.map((x) => x.name));
    const modelOrder = d.columns.filter((x) => present.has(x.name)).map((x) => x.name);
    const databaseOrder = c.columns.filter((x) => wanted.has(x.name)).map((x) => x.name);
    if (modelOrder.some((name, i) => databaseOrder[i] !== name)) out.add(`table ${quoteQualified(d)}:`);
  }
  return out;
}
