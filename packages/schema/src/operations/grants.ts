import type { Grant } from '../snapshot.js';
import { node } from './node.js';

/** `GRANT privileges ON object TO grantee [WITH GRANT OPTION]`. */
export interface GrantOperation {
  readonly kind: 'grant';
  readonly grant: Grant;
}

/** `REVOKE [GRANT OPTION FOR] privileges ON object FROM grantee [CASCADE]`. */
export interface RevokeOperation {
  readonly kind: 'revoke';
  /** The privileges to revoke; `grant.grantable` revokes only the grant option (`GRANT OPTION FOR`). */
  readonly grant: Grant;
  readonly cascade: boolean;
}

/** @example grant({ objectKind: 'table', object: users, grantee: 'app', privileges: ['SELECT'], grantable: false }) */
export function grant(g: Grant): GrantOperation {
  return node({ kind: 'grant', grant: g });
}

/** @example revoke(g, { cascade: true }) */
export function revoke(g: Grant, options: { cascade?: boolean } = {}): RevokeOperation {
  return node({ kind: 'revoke', grant: g, cascade: options.cascade ?? false });
}
