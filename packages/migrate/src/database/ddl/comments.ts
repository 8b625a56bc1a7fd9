import { type CommentTarget, setComment } from '@justscale/schema';
import { MigrateError } from '../../errors.js';
import type { DatabaseContext } from '../context.js';
import {
  checkName,
  type ObjectName,
  resolveRelation,
  resolveRoutine,
  resolveType,
  runOperations,
} from './shared.js';

/** What `comment` applies to: one key names the kind of object. */
export type CommentOn =
  | {
      readonly table: ObjectName;
      readonly column?: string;
      readonly constraint?: string;
      readonly trigger?: string;
      readonly policy?: string;
    }
  | { readonly view: ObjectName }
  | { readonly materializedView: ObjectName }
  | { readonly index: ObjectName }
  | { readonly sequence: ObjectName }
  | { readonly type: ObjectName }
  | { readonly domain: ObjectName }
  | { readonly schema: string }
  | { readonly extension: string }
  | { readonly function: ObjectName; readonly arguments?: string; readonly procedure?: boolean };

export interface CommentMethods {
  /**
   * Sets (or, with `null`, removes) the comment of an object.
   *
   * @example
   * await db.comment({ table: 'users' }, 'People who can sign in');
   * await db.comment({ table: 'users', column: 'email' }, 'Login address');
   * await db.comment({ type: 'UserStatus' }, null);
   */
  comment(on: CommentOn, text: string | null): Promise<void>;
}

export function commentMethods(context: DatabaseContext): CommentMethods {
  const target = async (on: CommentOn): Promise<CommentTarget> => {
    if (typeof on !== 'object' || on === null) {
      throw new MigrateError(
        'INVALID_ARGUMENT',
        'comment takes the object as { table }, { table, column }, { type }, ...',
      );
    }
    if ('table' in on) {
      const table = await resolveRelation(context, on.table);
      if (on.column !== undefined) {
        const [column] = await context.catalog.resolve(table, [on.column]);
        return { objectKind: 'column', table, column: column!.name };
      }
      if (on.constraint !== undefined)
        return { objectKind: 'constraint', table, name: checkName(on.constraint, 'constraint name') };
      if (on.trigger !== undefined)
        return { objectKind: 'trigger', table, name: checkName(on.trigger, 'trigger name') };
      if (on.policy !== undefined)
        return { objectKind: 'policy', table, name: checkName(on.policy, 'policy name') };
      return { objectKind: 'table', object: table };
    }
    if ('view' in on) return { objectKind: 'view', object: await resolveRelation(context, on.view, 'view') };
    if ('materializedView' in on) {
      return {
        objectKind: 'materializedView',
        object: await resolveRelation(context, on.materializedView, 'view'),
      };
    }
    if ('index' in on)
      return { objectKind: 'index', object: await resolveRelation(context, on.index, 'index') };
    if ('sequence' in on)
      return { objectKind: 'sequence', object: await resolveRelation(context, on.sequence, 'sequence') };
    if ('type' in on) return { objectKind: 'type', object: await resolveType(context, on.type) };
    if ('domain' in on) return { objectKind: 'domain', object: await resolveType(context, on.domain) };
    if ('schema' in on) return { objectKind: 'schema', name: checkName(on.schema, 'schema name') };
    if ('extension' in on)
      return { objectKind: 'extension', name: checkName(on.extension, 'extension name') };
    if ('function' in on) {
      const routine = await resolveRoutine(context, on.function);
      return {
        objectKind: 'routine',
        routine: {
          ...routine,
          routineKind: on.procedure ? 'procedure' : 'function',
          identityArguments: on.arguments ?? '',
        },
      };
    }
    throw new MigrateError('INVALID_ARGUMENT', `comment does not know the object ${JSON.stringify(on)}.`);
  };
  return {
    async comment(on, text) {
      if (text !== null && typeof text !== 'string') {
        throw new MigrateError('INVALID_ARGUMENT', 'A comment is a string, or null to remove it.');
      }
      await runOperations(context, [setComment(await target(on), text)]);
    },
  };
}
