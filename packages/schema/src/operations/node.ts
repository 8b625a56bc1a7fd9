import { deepFreeze } from '../freeze.js';

/** Options shared by every DROP: `IF EXISTS` and `CASCADE`. */
export interface DropOptions {
  readonly ifExists: boolean;
  readonly cascade: boolean;
}

/** Frozen node with the drop options filled in. */
export function dropOptions(options: Partial<DropOptions> | undefined): DropOptions {
  return { ifExists: options?.ifExists ?? false, cascade: options?.cascade ?? false };
}

/** Freezes a node (and the snapshot pieces inside it). */
export function node<T extends { readonly kind: string }>(value: T): T {
  return deepFreeze(value);
}
