import { OPTION_TOKEN } from '@justscale/errors';
import { MigrationIntegrityError } from '../errors.js';
import type { MigrationFile } from '../files/types.js';
import type { TrackingRow } from './tracking.js';

/** What is wrong with one migration. */
export type MigrationProblem = 'changed' | 'missing' | 'out-of-order';

/** One migration as `status()` reports it: files and tracking rows together. */
export interface MigrationStatus {
  readonly name: string;
  /** The file's path, or null when an applied migration's file is gone. */
  readonly file: string | null;
  readonly applied: boolean;
  readonly batch: number | null;
  readonly appliedAt: Date | null;
  /** The file's checksum (or the recorded one when the file is gone). */
  readonly checksum: string | null;
  readonly problems: readonly MigrationProblem[];
}

/** Files and rows, matched by name. */
export interface MigrationState {
  readonly files: readonly MigrationFile[];
  readonly rows: readonly TrackingRow[];
  readonly applied: ReadonlyMap<string, TrackingRow>;
  readonly pending: readonly MigrationFile[];
  readonly changed: readonly string[];
  readonly missing: readonly string[];
  readonly outOfOrder: readonly string[];
}

export function analyse(files: readonly MigrationFile[], rows: readonly TrackingRow[]): MigrationState {
  const applied = new Map(rows.map((row) => [row.name, row]));
  const fileNames = new Set(files.map((file) => file.name));
  const pending = files.filter((file) => !applied.has(file.name));
  const changed = files
    .filter((file) => {
      const row = applied.get(file.name);
      return row !== undefined && row.checksum !== null && row.checksum !== file.checksum;
    })
    .map((file) => file.name);
  const missing = rows.filter((row) => !fileNames.has(row.name)).map((row) => row.name);
  const lastApplied = rows.reduce<string | null>(
    (max, row) => (max === null || row.name > max ? row.name : max),
    null,
  );
  const outOfOrder =
    lastApplied === null ? [] : pending.filter((file) => file.name < lastApplied).map((f) => f.name);
  return { files, rows, applied, pending, changed, missing, outOfOrder };
}

export function statusOf(state: MigrationState): MigrationStatus[] {
  const byName = new Map<string, MigrationStatus>();
  const problems = (name: string): MigrationProblem[] => [
    ...(state.changed.includes(name) ? (['changed'] as const) : []),
    ...(state.missing.includes(name) ? (['missing'] as const) : []),
    ...(state.outOfOrder.includes(name) ? (['out-of-order'] as const) : []),
  ];
  for (const file of state.files) {
    const row = state.applied.get(file.name);
    byName.set(file.name, {
      name: file.name,
      file: file.path,
      applied: row !== undefined,
      batch: row?.batch ?? null,
      appliedAt: row?.appliedAt ?? null,
      checksum: file.checksum,
      problems: problems(file.name),
    });
  }
  for (const row of state.rows) {
    if (byName.has(row.name)) continue;
    byName.set(row.name, {
      name: row.name,
      file: null,
      applied: true,
      batch: row.batch,
      appliedAt: row.appliedAt,
      checksum: row.checksum,
      problems: problems(row.name),
    });
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Which integrity checks to make, and which the options override. */
export interface IntegrityOptions {
  readonly allowChangedChecksums?: boolean | undefined;
  readonly allowMissing?: boolean | undefined;
  readonly allowOutOfOrder?: boolean | undefined;
}

/**
 * Throws the first integrity problem not overridden, with what to do about it. `only` limits the
 * checks of changed and missing files to these names (rollback cares about the ones it reverts).
 */
export function checkIntegrity(
  state: MigrationState,
  directory: string,
  options: IntegrityOptions,
  scope: { checkOrder: boolean; only?: ReadonlySet<string> },
): void {
  const inScope = (name: string) => scope.only === undefined || scope.only.has(name);
  const refTo = (name: string) => ({
    kind: 'migration',
    name,
    file: state.files.find((file) => file.name === name)?.path,
  });
  const changed = state.changed.filter(inScope);
  if (changed.length > 0 && !options.allowChangedChecksums) {
    throw new MigrationIntegrityError(
      'MIGRATION_CHECKSUM_CHANGED',
      changed,
      `Applied migrations were changed after they ran: ${changed.join(', ')}.`,
      {
        ref: refTo(changed[0]!),
        hint:
          'Restore them as they were applied and put the change in a new migration; ' +
          `or pass ${OPTION_TOKEN} to go on anyway.`,
        option: { name: 'allowChangedChecksums', value: true },
      },
    );
  }
  const missing = state.missing.filter(inScope);
  if (missing.length > 0 && (!options.allowMissing || scope.only !== undefined)) {
    throw new MigrationIntegrityError(
      'MIGRATION_FILE_MISSING',
      missing,
      `Applied migrations have no file in ${directory}: ${missing.join(', ')}.`,
      scope.only === undefined
        ? {
            ref: { kind: 'migration', name: missing[0]!, file: directory },
            hint: `Restore the files; or pass ${OPTION_TOKEN} to go on without them.`,
            option: { name: 'allowMissing', value: true },
          }
        : {
            ref: { kind: 'migration', name: missing[0]!, file: directory },
            hint: 'Restore the files: a migration cannot be rolled back without its down.',
          },
    );
  }
  if (scope.checkOrder && state.outOfOrder.length > 0 && !options.allowOutOfOrder) {
    throw new MigrationIntegrityError(
      'MIGRATION_OUT_OF_ORDER',
      state.outOfOrder,
      `Pending migrations are named before an applied one: ${state.outOfOrder.join(', ')}.`,
      {
        ref: refTo(state.outOfOrder[0]!),
        hint:
          'Rename them to sort after the last applied migration; ' +
          `or pass ${OPTION_TOKEN} to apply them in this batch.`,
        option: { name: 'allowOutOfOrder', value: true },
      },
    );
  }
}
