import type { Snapshot } from '@justscale/schema';
import { diff } from './diff.js';
import type { DiffOptions, Plan, RenameHint } from './types.js';

/**
 * The plan that undoes `diff(before, after, options)`: from `after` back to `before`, with the same
 * options (online mode, timeouts, server version) and the rename hints turned around. This is what
 * a generated migration's `down` runs, so it is planned like any other change: an enum value that
 * was added is removed by rebuilding the type, tables dropped together come back with their keys
 * once, and in online mode the way back is as lock-safe as the way there. It cannot bring back
 * rows: a dropped column or table returns empty. Throws what `diff` throws (`UnsafeChangeError`
 * naming the object) when there is no way back.
 *
 * @example
 * const up = diff(before, after, { online: true });
 * const down = downPlan(before, after, { online: true }); // applied after `up`, gives `before`
 */
export function downPlan(before: Snapshot, after: Snapshot, options: DiffOptions = {}): Plan {
  return diff(after, before, { ...options, renames: reverseRenames(options.renames ?? []) });
}

/**
 * Rename hints for the way back. A hint's `table` names the table as `current` has it, after the
 * table renames listed before it; on the way back `current` is `after`, so table renames come
 * first (turned around) and every other hint names its table by its new name.
 */
export function reverseRenames(hints: readonly RenameHint[]): RenameHint[] {
  const renamed = new Map<string, string>();
  for (const h of hints) if (h.kind === 'table') renamed.set(`${h.schema}\u0000${h.from}`, h.to);
  const tables = hints.filter((h) => h.kind === 'table').map((h) => ({ ...h, from: h.to, to: h.from }));
  const others = hints
    .filter((h) => h.kind !== 'table')
    .map((h) => {
      const table =
        h.table === undefined ? undefined : (renamed.get(`${h.schema}\u0000${h.table}`) ?? h.table);
      return { ...h, ...(table === undefined ? {} : { table }), from: h.to, to: h.from };
    });
  return [...tables, ...others];
}
