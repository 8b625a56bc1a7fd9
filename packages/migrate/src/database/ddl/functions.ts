import {
  createFunction as createFunctionOp,
  createTrigger as createTriggerOp,
  dropFunction as dropFunctionOp,
  dropTrigger as dropTriggerOp,
  type TriggerEvent,
  type Volatility,
} from '@justscale/schema';
import { MigrateError } from '../../errors.js';
import type { DatabaseContext } from '../context.js';
import { checkName, type ObjectName, resolveRelation, resolveRoutine, runOperations } from './shared.js';
import type { DropOptions } from './tables.js';

/** A function (or procedure) for `createFunction`. */
export interface FunctionDefinition {
  /** The argument list as SQL, e.g. `'a integer, b text DEFAULT NULL'`; none by default. */
  readonly arguments?: string;
  /** The return type as SQL (`trigger`, `integer`, `SETOF users`); omit for a procedure. */
  readonly returns?: string;
  /** `plpgsql` (default), `sql`, ... */
  readonly language?: string;
  /** The body; dollar-quoted with a tag that does not occur in it. */
  readonly body: string;
  readonly volatility?: Volatility;
  readonly strict?: boolean;
  readonly securityDefiner?: boolean;
  readonly leakproof?: boolean;
  readonly parallel?: 'SAFE' | 'RESTRICTED' | 'UNSAFE';
  /** `SET` clauses, e.g. `['search_path=public']`. */
  readonly config?: readonly string[];
  /** A procedure (`CREATE PROCEDURE`) rather than a function. */
  readonly procedure?: boolean;
  /** `CREATE OR REPLACE`. */
  readonly orReplace?: boolean;
}

/** A trigger for `createTrigger`. */
export interface TriggerDefinition {
  readonly timing: 'BEFORE' | 'AFTER' | 'INSTEAD OF';
  readonly events: readonly TriggerEvent[];
  /** The trigger function: a name (looked up through `search_path`) or `{ schema, name }`. */
  readonly function: ObjectName;
  /** `FOR EACH ROW` (default) or `STATEMENT`. */
  readonly level?: 'ROW' | 'STATEMENT';
  /** `WHEN (...)`: SQL, as written. */
  readonly when?: string;
  /** Literal arguments passed to the function. */
  readonly arguments?: readonly string[];
  /** `UPDATE OF` columns (named by the naming rule). */
  readonly updateColumns?: readonly string[];
  readonly orReplace?: boolean;
}

export interface FunctionMethods {
  /**
   * Creates a function or procedure.
   *
   * @example
   * await db.createFunction('update_updated_at', {
   *   returns: 'trigger',
   *   language: 'plpgsql',
   *   body: 'BEGIN NEW.updated_at = NOW(); RETURN NEW; END;',
   * });
   */
  createFunction(name: ObjectName, definition: FunctionDefinition): Promise<void>;
  /**
   * Drops a function; `arguments` (types, e.g. `'integer, text'`) picks one of several overloads.
   *
   * @example
   * await db.dropFunction('update_updated_at', { ifExists: true });
   */
  dropFunction(
    name: ObjectName,
    options?: DropOptions & { readonly arguments?: string; readonly procedure?: boolean },
  ): Promise<void>;
  /**
   * Creates a trigger on a table.
   *
   * @example
   * await db.createTrigger('users', 'users_touch', {
   *   timing: 'BEFORE', events: ['UPDATE'], function: 'update_updated_at',
   * });
   */
  createTrigger(table: ObjectName, name: string, definition: TriggerDefinition): Promise<void>;
  /**
   * Drops a trigger.
   *
   * @example
   * await db.dropTrigger('users', 'users_touch');
   */
  dropTrigger(table: ObjectName, name: string, options?: DropOptions): Promise<void>;
}

export function functionMethods(context: DatabaseContext): FunctionMethods {
  return {
    async createFunction(name, definition) {
      if (typeof definition !== 'object' || definition === null) {
        throw new MigrateError(
          'INVALID_ARGUMENT',
          'createFunction takes a definition { returns, language, body }.',
        );
      }
      const routine = await resolveRoutine(context, name);
      const args = definition.arguments ?? '';
      const procedure = definition.procedure ?? false;
      await runOperations(context, [
        createFunctionOp(
          {
            ...routine,
            kind: procedure ? 'procedure' : 'function',
            arguments: args,
            identityArguments: args,
            returns: procedure ? null : checkName(definition.returns, 'return type'),
            language: definition.language ?? 'plpgsql',
            volatility: definition.volatility ?? 'VOLATILE',
            strict: definition.strict ?? false,
            securityDefiner: definition.securityDefiner ?? false,
            leakproof: definition.leakproof ?? false,
            parallel: definition.parallel ?? 'UNSAFE',
            config: [...(definition.config ?? [])],
            body: checkName(definition.body, 'function body'),
            comment: null,
          },
          { orReplace: definition.orReplace ?? false },
        ),
      ]);
    },
    async dropFunction(name, options = {}) {
      const routine = await resolveRoutine(context, name);
      await runOperations(context, [
        dropFunctionOp(
          {
            ...routine,
            routineKind: options.procedure ? 'procedure' : 'function',
            identityArguments: options.arguments ?? '',
          },
          options,
        ),
      ]);
    },
    async createTrigger(tableName, name, definition) {
      const table = await resolveRelation(context, tableName);
      const fn = await resolveRoutine(context, definition.function);
      const updateColumns = definition.updateColumns ?? [];
      const columns = updateColumns.length === 0 ? [] : await context.catalog.resolve(table, updateColumns);
      const order: TriggerEvent[] = ['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'];
      await runOperations(context, [
        createTriggerOp(
          {
            schema: table.schema,
            table: table.name,
            name: checkName(name, 'trigger name'),
            timing: definition.timing,
            events: order.filter((e) => definition.events.includes(e)),
            updateColumns: columns.map((c) => c.name),
            level: definition.level ?? 'ROW',
            when: definition.when ?? null,
            function: fn,
            arguments: [...(definition.arguments ?? [])],
            constraint: false,
            deferrable: false,
            initiallyDeferred: false,
            comment: null,
          },
          { orReplace: definition.orReplace ?? false },
        ),
      ]);
    },
    async dropTrigger(tableName, name, options = {}) {
      const table = await resolveRelation(context, tableName);
      await runOperations(context, [dropTriggerOp(table, checkName(name, 'trigger name'), options)]);
    },
  };
}
