export { type TypeChange, typeChange } from './casts.js';
export { type Conversion, conversion } from './conversions.js';
export { diff } from './diff.js';
export { downPlan, reverseRenames } from './down.js';
export {
  DependencyCycleError,
  DiffError,
  type DiffErrorCode,
  InvalidRenameHintError,
  NoCastError,
  UnsafeChangeError,
} from './errors.js';
export { parseRenameHints } from './hints.js';
export { hazardsOf } from './plan.js';
export { planScript, type ScriptStatement, settingsSql, timeoutsOf } from './settings.js';
export type { DiffOptions, Note, Plan, PlannedStatement, RenameHint, RenameKind, Timeouts } from './types.js';
