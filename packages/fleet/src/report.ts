import { redact } from '@justscale/driver';
import type { StopReason } from './schedule.js';

/**
 * How a target ended. `migrate` and `rollback`: `done`, `failed`, or `skipped` (never started: the
 * run stopped first). `status` and `pending`: `up-to-date`, `pending`, `drift` (applied files changed
 * since or gone), or `failed` (the target could not be read).
 */
export type FleetTargetStatus = 'done' | 'failed' | 'skipped' | 'up-to-date' | 'pending' | 'drift';

/** What went wrong on a target: the error's stable code and its message (passwords redacted). */
export interface FleetTargetError {
  readonly code: string;
  readonly message: string;
}

/** One target's result. */
export interface FleetTargetResult {
  /** The target as text, password redacted: `postgres://app:***@db/shop#schema=acme`. */
  readonly target: string;
  readonly schema: string | null;
  readonly status: FleetTargetStatus;
  /** `migrate`: applied by this run; `rollback`: rolled back; `status`: every applied migration. */
  readonly applied: readonly string[];
  /** Migrations not applied on this target (after the run). */
  readonly pending: readonly string[];
  /** Applied migrations whose file changed since (checksum), or is gone. */
  readonly changed: readonly string[];
  readonly missing: readonly string[];
  readonly error?: FleetTargetError;
  readonly durationMs: number;
}

/** Totals of a fleet run. */
export interface FleetSummary {
  readonly targets: number;
  readonly done: number;
  readonly failed: number;
  readonly skipped: number;
  /** Targets with migrations pending (after the run). */
  readonly pending: number;
  /** Targets whose applied files changed or are gone. */
  readonly drift: number;
  /** Migrations applied (`migrate`) or rolled back (`rollback`) by the run, over every target. */
  readonly migrations: number;
  /** Why the run stopped scheduling targets, if it did. */
  readonly stopped: StopReason | null;
  readonly durationMs: number;
}

/** What every fleet command returns, and `--json` prints. */
export interface FleetReport {
  readonly command: 'migrate' | 'status' | 'pending' | 'rollback';
  readonly targets: readonly FleetTargetResult[];
  readonly summary: FleetSummary;
}

/** A progress tick: how many targets have settled, after one settles or starts. */
export interface FleetProgress {
  readonly total: number;
  readonly done: number;
  readonly failed: number;
  readonly running: number;
  /** The target that just settled (null when one started). */
  readonly last: FleetTargetResult | null;
}

export function summarize(
  command: FleetReport['command'],
  targets: readonly FleetTargetResult[],
  stopped: StopReason | null,
  durationMs: number,
): FleetReport {
  const count = (status: FleetTargetStatus) => targets.filter((t) => t.status === status).length;
  return {
    command,
    targets,
    summary: {
      targets: targets.length,
      // `status` and `pending`: every target that could be read.
      done: targets.length - count('failed') - count('skipped'),
      failed: count('failed'),
      skipped: count('skipped'),
      pending: targets.filter((t) => t.pending.length > 0).length,
      drift: targets.filter((t) => t.changed.length > 0 || t.missing.length > 0).length,
      migrations:
        command === 'migrate' || command === 'rollback'
          ? targets.reduce((n, t) => n + t.applied.length, 0)
          : 0,
      stopped,
      durationMs,
    },
  };
}

/** An error as a report shows it: its `code` (or UNEXPECTED) and message. */
export function errorOf(error: unknown): FleetTargetError {
  const code = (error as { code?: unknown } | null)?.code;
  return {
    code: typeof code === 'string' && /^[A-Z_]+$/.test(code) ? code : 'UNEXPECTED',
    message: redact(error instanceof Error ? error.message : String(error)),
  };
}
