import type { QualifiedName, Sequence, SequenceOptions } from '../snapshot.js';
import { type DropOptions, dropOptions, node } from './node.js';

/** `CREATE SEQUENCE [IF NOT EXISTS] name AS type ...` (then `OWNED BY` and its comment). */
export interface CreateSequenceOperation {
  readonly kind: 'createSequence';
  readonly sequence: Sequence;
  readonly ifNotExists: boolean;
  /**
   * Set by `invert` when this node re-creates something a drop destroyed: the definition comes back,
   * the data does not, and the compiled statement carries a `deletes-data` hazard saying so.
   */
  readonly restoresDropped?: boolean;
}

/** What `ALTER SEQUENCE` changes; absent keys stay as they are. */
export interface SequenceChanges extends Partial<SequenceOptions> {
  /** `RESTART WITH n` (a decimal string). */
  readonly restart?: string;
  /** `SET UNLOGGED` (true) or `SET LOGGED` (false), PostgreSQL 15+. */
  readonly unlogged?: boolean;
  /** `OWNED BY table.column`, or `OWNED BY NONE` (null). */
  readonly ownedBy?: { readonly table: QualifiedName; readonly column: string } | null;
}

/** `ALTER SEQUENCE name AS ... INCREMENT ... [OWNED BY ...]`. */
export interface AlterSequenceOperation {
  readonly kind: 'alterSequence';
  readonly sequence: QualifiedName;
  readonly changes: SequenceChanges;
}

/** `DROP SEQUENCE [IF EXISTS] name [CASCADE]`. */
export interface DropSequenceOperation extends DropOptions {
  readonly kind: 'dropSequence';
  readonly sequence: QualifiedName;
}

/** `ALTER SEQUENCE name RENAME TO to`. */
export interface RenameSequenceOperation {
  readonly kind: 'renameSequence';
  readonly sequence: QualifiedName;
  readonly to: string;
}

/** @example createSequence({ schema: 'public', name: 'ids', ...defaultSequenceOptions(), ownedBy: null, comment: null }) */
export function createSequence(
  sequence: Sequence,
  options: { ifNotExists?: boolean } = {},
): CreateSequenceOperation {
  return node({ kind: 'createSequence', sequence, ifNotExists: options.ifNotExists ?? false });
}

/** @example alterSequence({ schema: 'public', name: 'ids' }, { increment: '10', restart: '100' }) */
export function alterSequence(sequence: QualifiedName, changes: SequenceChanges): AlterSequenceOperation {
  return node({ kind: 'alterSequence', sequence, changes });
}

/** @example dropSequence({ schema: 'public', name: 'ids' }, { ifExists: true }) */
export function dropSequence(sequence: QualifiedName, options?: Partial<DropOptions>): DropSequenceOperation {
  return node({ kind: 'dropSequence', sequence, ...dropOptions(options) });
}

/** @example renameSequence({ schema: 'public', name: 'ids' }, 'order_ids') */
export function renameSequence(sequence: QualifiedName, to: string): RenameSequenceOperation {
  return node({ kind: 'renameSequence', sequence, to });
}
