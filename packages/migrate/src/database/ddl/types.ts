import {
  addEnumValue,
  createEnum,
  dropType as dropTypeOp,
  type QualifiedName,
  renameEnumValue,
  type TypeKind,
} from '@justscale/schema';
import { MigrateError } from '../../errors.js';
import type { DatabaseContext } from '../context.js';
import { checkName, type ObjectName, resolveType, runOperations } from './shared.js';
import type { DropOptions } from './tables.js';

/** Where `addTypeValue` puts the new value; appended when neither is given. */
export type TypeValuePosition =
  | { readonly before: string; readonly after?: undefined }
  | { readonly after: string; readonly before?: undefined }
  | { readonly before?: undefined; readonly after?: undefined };

export interface TypeMethods {
  /**
   * Creates an enum type. The name is used as written (`UserStatus` stays mixed case).
   *
   * @example
   * await db.createType('UserStatus', ['active', 'inactive', 'suspended']);
   */
  createType(name: ObjectName, values: readonly string[]): Promise<void>;
  /**
   * Adds a value to an enum, at the end or `before` / `after` a value. Before PostgreSQL 12 this
   * cannot run in a transaction; on any version the value cannot be used until the transaction commits.
   *
   * @example
   * await db.addTypeValue('UserStatus', 'banned', { after: 'suspended' });
   */
  addTypeValue(
    name: ObjectName,
    value: string,
    position?: TypeValuePosition & { readonly ifNotExists?: boolean },
  ): Promise<void>;
  /**
   * Renames a value of an enum.
   *
   * @example
   * await db.renameTypeValue('UserStatus', 'inactive', 'dormant');
   */
  renameTypeValue(name: ObjectName, from: string, to: string): Promise<void>;
  /**
   * Drops a type (an enum, a composite type, or a domain); no column may use it unless `cascade`.
   *
   * @example
   * await db.dropType('UserStatus');
   */
  dropType(name: ObjectName, options?: DropOptions): Promise<void>;
  /**
   * Drops a type when it exists.
   *
   * @example
   * await db.dropTypeIfExists('UserStatus');
   */
  dropTypeIfExists(name: ObjectName, options?: Omit<DropOptions, 'ifExists'>): Promise<void>;
}

const typeKindSql = `SELECT t.typtype AS typtype FROM pg_catalog.pg_type AS t
JOIN pg_catalog.pg_namespace AS n ON n.oid = t.typnamespace
WHERE n.nspname = $1 AND t.typname = $2`;

async function typeKind(context: DatabaseContext, type: QualifiedName): Promise<TypeKind> {
  const { rows } = await context.executor.read<{ typtype: string }>(typeKindSql, [type.schema, type.name]);
  const typtype = rows[0]?.typtype;
  return typtype === 'd' ? 'domain' : typtype === 'c' ? 'composite' : 'enum';
}

export function typeMethods(context: DatabaseContext): TypeMethods {
  const drop = async (name: ObjectName, options: DropOptions) => {
    const type = await resolveType(context, name);
    await runOperations(context, [dropTypeOp(await typeKind(context, type), type, options)]);
  };
  return {
    async createType(name, values) {
      if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) {
        throw new MigrateError(
          'INVALID_ARGUMENT',
          'createType takes the enum values as an array of strings.',
        );
      }
      const type = await resolveType(context, name);
      await runOperations(context, [createEnum({ ...type, values: [...values], comment: null })]);
    },
    async addTypeValue(name, value, position = {}) {
      const type = await resolveType(context, name);
      await runOperations(context, [
        addEnumValue(type, checkName(value, 'enum value'), {
          ...(position.before !== undefined ? { before: position.before } : {}),
          ...(position.after !== undefined ? { after: position.after } : {}),
          ifNotExists: position.ifNotExists ?? false,
        }),
      ]);
    },
    async renameTypeValue(name, from, to) {
      const type = await resolveType(context, name);
      await runOperations(context, [
        renameEnumValue(type, checkName(from, 'enum value'), checkName(to, 'enum value')),
      ]);
    },
    dropType: (name, options = {}) => drop(name, options),
    dropTypeIfExists: (name, options = {}) => drop(name, { ...options, ifExists: true }),
  };
}
