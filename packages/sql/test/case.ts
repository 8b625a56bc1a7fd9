import type { Operation, Snapshot } from '@justscale/schema';
import type { Fixture } from './base.js';

/** One operation, run on top of the fixture: its golden SQL, its effect on the catalog, its inverse. */
export interface Case {
  readonly title: string;
  readonly op: Operation;
  /** Operations run after the fixture and before `op` (part of the "before" state). */
  readonly setup?: readonly Operation[];
  /** The snapshot before `op`, when `setup` changed it; default: the fixture's. */
  readonly before?: Snapshot;
  /** Each must be a substring of some catalog line after `op`. */
  readonly present?: readonly string[];
  /** None may be a substring of any catalog line after `op`. */
  readonly absent?: readonly string[];
  /** The operation changes nothing visible in the catalog (IF NOT EXISTS on an existing object, a refresh). */
  readonly noChange?: boolean;
  /** Run on a freshly built fixture outside a transaction (e.g. it calls `nextval`, which no rollback undoes). */
  readonly autocommit?: boolean;
  /** Catalog lines the inverse leaves behind (substrings), ignored when comparing with the state before. */
  readonly inverseLeaves?: readonly string[];
  /** `irreversible`: invert throws; `none`: invert returns no operation. Default: the inverse restores the catalog. */
  readonly invert?: 'irreversible' | 'none';
}

export type CaseFamily = (f: Fixture) => Case[];

/** The snapshot with some lists replaced or extended. */
export function patch(s: Snapshot, change: (s: Snapshot) => Partial<Snapshot>): Snapshot {
  return { ...s, ...change(s) };
}
