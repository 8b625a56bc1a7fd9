import { normalizeSnapshot, type Snapshot } from '@justscale/schema';
import { Builder, type Resolved } from './context.js';
import { diffCollations } from './families/collations.js';
import { collectDroppedKeys } from './families/constraints.js';
import { classifyFunctions, diffFunctions, diffTriggers } from './families/functions.js';
import { diffIndexes } from './families/indexes.js';
import { diffRules } from './families/rules.js';
import { diffGrants, diffSchemas } from './families/schemas.js';
import { diffSequences } from './families/sequences.js';
import { classifyTables, diffTables } from './families/tables.js';
import { diffComposites, diffDomains, diffEnums, releaseDependents } from './families/types.js';
import { diffViews } from './families/views.js';
import { checkConflicts, validateHint } from './hints.js';
import { assemble, emptyPlan } from './plan.js';
import { applyRenames } from './renames.js';
import type { DiffOptions, Plan } from './types.js';
import { sameExcept } from './util.js';

function resolve(options: DiffOptions): Resolved {
  const renames = (options.renames ?? []).map((h, i) => validateHint(h, `renames[${i}]`));
  checkConflicts(renames);
  const online = options.online ?? false;
  return {
    online,
    renames,
    serverVersion: options.serverVersion,
    lockTimeout: options.lockTimeout ?? (online ? '5s' : undefined),
    statementTimeout: options.statementTimeout,
  };
}

/**
 * The plan that turns the `current` schema into the `desired` one: operations in an order
 * PostgreSQL accepts, compiled into statements with their hazards, and notes for a human.
 * Pure: no I/O. Throws `UnsafeChangeError` for a change it will not make (it names the object),
 * `InvalidRenameHintError` for a hint that names nothing.
 *
 * @example
 * const plan = diff(await introspect(driver), desiredSnapshot, { online: true });
 * for (const s of plan.statements) console.log(s.sql, s.transactional, s.hazards.map((h) => h.kind));
 */
export function diff(current: Snapshot, desired: Snapshot, options: DiffOptions = {}): Plan {
  // Sorted first: the plan depends on the schemas, not on the order of their lists.
  const from = normalizeSnapshot(current);
  const to = normalizeSnapshot(desired);
  const resolved = resolve(options);
  // Nothing to change (a database diffed with itself, models that match it): every family would
  // walk both sides to find no difference. Rename hints still go through the full diff, which
  // rejects a hint that names nothing.
  if (resolved.renames.length === 0 && sameExcept(from, to, 'dependencies')) return emptyPlan();
  const seed = new Builder(resolved, from, to);
  const renamed = applyRenames(seed, from, to);
  const b = new Builder(resolved, renamed, to);
  b.steps.push(...seed.steps);
  classifyTables(b);
  diffSchemas(b);
  diffCollations(b);
  diffEnums(b);
  classifyFunctions(b);
  releaseDependents(b);
  diffDomains(b);
  diffComposites(b);
  collectDroppedKeys(b);
  diffTables(b);
  diffFunctions(b);
  diffViews(b);
  diffIndexes(b);
  diffTriggers(b);
  diffRules(b);
  diffSequences(b);
  diffGrants(b);
  return assemble(b);
}
