import type { QualifiedName } from '../snapshot.js';
import type { RoutineRef } from './functions.js';
import { node } from './node.js';

/** The object a `COMMENT ON` applies to. */
export type CommentTarget =
  | { readonly objectKind: 'schema'; readonly name: string }
  | { readonly objectKind: 'extension'; readonly name: string }
  | {
      readonly objectKind:
        | 'table'
        | 'view'
        | 'materializedView'
        | 'sequence'
        | 'index'
        | 'type'
        | 'domain'
        | 'collation';
      readonly object: QualifiedName;
    }
  | { readonly objectKind: 'column'; readonly table: QualifiedName; readonly column: string }
  | { readonly objectKind: 'constraint'; readonly table: QualifiedName; readonly name: string }
  | { readonly objectKind: 'domainConstraint'; readonly domain: QualifiedName; readonly name: string }
  | { readonly objectKind: 'trigger'; readonly table: QualifiedName; readonly name: string }
  | { readonly objectKind: 'rule'; readonly table: QualifiedName; readonly name: string }
  | { readonly objectKind: 'policy'; readonly table: QualifiedName; readonly name: string }
  | { readonly objectKind: 'routine'; readonly routine: RoutineRef };

/** `COMMENT ON ... IS 'text'`, or `IS NULL` to remove it. */
export interface SetCommentOperation {
  readonly kind: 'setComment';
  readonly target: CommentTarget;
  readonly comment: string | null;
}

/** @example setComment({ objectKind: 'column', table: users, column: 'email' }, 'Login address') */
export function setComment(target: CommentTarget, comment: string | null): SetCommentOperation {
  return node({ kind: 'setComment', target, comment });
}
