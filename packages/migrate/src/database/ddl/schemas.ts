import { createExtension, createSchema, dropExtension, dropSchema } from '@justscale/schema';
import type { DatabaseContext } from '../context.js';
import { checkName, runOperations } from './shared.js';
import type { DropOptions } from './tables.js';

export interface SchemaMethods {
  /**
   * Creates a schema.
   *
   * @example
   * await db.createSchema('app', { ifNotExists: true });
   */
  createSchema(name: string, options?: { readonly ifNotExists?: boolean }): Promise<void>;
  /**
   * Drops a schema (`cascade` drops everything in it).
   *
   * @example
   * await db.dropSchema('app', { cascade: true });
   */
  dropSchema(name: string, options?: DropOptions): Promise<void>;
  /**
   * Installs an extension, in `schema` (default: the current schema) and at `version` (default: the default one).
   *
   * @example
   * await db.createExtension('pgcrypto', { ifNotExists: true });
   */
  createExtension(
    name: string,
    options?: { readonly schema?: string; readonly version?: string; readonly ifNotExists?: boolean },
  ): Promise<void>;
  /**
   * Removes an extension.
   *
   * @example
   * await db.dropExtension('pgcrypto', { ifExists: true });
   */
  dropExtension(name: string, options?: DropOptions): Promise<void>;
}

export function schemaMethods(context: DatabaseContext): SchemaMethods {
  return {
    async createSchema(name, options = {}) {
      await runOperations(context, [
        createSchema(
          { name: checkName(name, 'schema name'), comment: null },
          { ifNotExists: options.ifNotExists ?? false },
        ),
      ]);
    },
    async dropSchema(name, options = {}) {
      await runOperations(context, [dropSchema(checkName(name, 'schema name'), options)]);
    },
    async createExtension(name, options = {}) {
      let schema = options.schema;
      if (schema === undefined) {
        const { rows } = await context.executor.read<{ schema: string }>(
          'SELECT pg_catalog.current_schema() AS schema',
        );
        schema = rows[0]?.schema ?? 'public';
      }
      await runOperations(context, [
        createExtension(
          { name: checkName(name, 'extension name'), schema, version: options.version ?? null },
          { ifNotExists: options.ifNotExists ?? false },
        ),
      ]);
    },
    async dropExtension(name, options = {}) {
      await runOperations(context, [dropExtension(checkName(name, 'extension name'), options)]);
    },
  };
}
