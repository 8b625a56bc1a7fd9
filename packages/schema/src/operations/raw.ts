import type { Hazard } from './hazard.js';
import { node } from './node.js';

/** SQL the compiler passes through as is: visible in the tree, with its hazards declared by its author. */
export interface RawOperation {
  readonly kind: 'raw';
  readonly sql: string;
  readonly transactional: boolean;
  readonly hazards: readonly Hazard[];
}

/** @example raw('CREATE INDEX CONCURRENTLY ...', { transactional: false, hazards: [{ kind: 'builds-index', message: '...' }] }) */
export function raw(
  sql: string,
  options: { transactional?: boolean; hazards?: readonly Hazard[] } = {},
): RawOperation {
  return node({
    kind: 'raw',
    sql,
    transactional: options.transactional ?? true,
    hazards: options.hazards ?? [],
  });
}
