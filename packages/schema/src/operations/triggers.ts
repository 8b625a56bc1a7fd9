import type { QualifiedName, Trigger } from '../snapshot.js';
import { type DropOptions, dropOptions, node } from './node.js';

/** `CREATE [OR REPLACE] [CONSTRAINT] TRIGGER name ... EXECUTE FUNCTION f(args)` (and its comment). */
export interface CreateTriggerOperation {
  readonly kind: 'createTrigger';
  readonly trigger: Trigger;
  /** `OR REPLACE` needs PostgreSQL 14+ and is not allowed for constraint triggers. */
  readonly orReplace: boolean;
}

/** `DROP TRIGGER [IF EXISTS] name ON table [CASCADE]`. */
export interface DropTriggerOperation extends DropOptions {
  readonly kind: 'dropTrigger';
  readonly table: QualifiedName;
  readonly name: string;
}

/** `ALTER TRIGGER name ON table RENAME TO to`. */
export interface RenameTriggerOperation {
  readonly kind: 'renameTrigger';
  readonly table: QualifiedName;
  readonly name: string;
  readonly to: string;
}

/** @example createTrigger(trigger) */
export function createTrigger(
  trigger: Trigger,
  options: { orReplace?: boolean } = {},
): CreateTriggerOperation {
  return node({ kind: 'createTrigger', trigger, orReplace: options.orReplace ?? false });
}

/** @example dropTrigger({ schema: 'public', name: 'users' }, 'users_touch') */
export function dropTrigger(
  table: QualifiedName,
  name: string,
  options?: Partial<DropOptions>,
): DropTriggerOperation {
  return node({ kind: 'dropTrigger', table, name, ...dropOptions(options) });
}

/** @example renameTrigger(users, 'tg1', 'users_touch') */
export function renameTrigger(table: QualifiedName, name: string, to: string): RenameTriggerOperation {
  return node({ kind: 'renameTrigger', table, name, to });
}
