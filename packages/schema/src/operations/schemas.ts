import type { Extension, SchemaDef } from '../snapshot.js';
import { type DropOptions, dropOptions, node } from './node.js';

/** `CREATE SCHEMA [IF NOT EXISTS] name` (and its comment). */
export interface CreateSchemaOperation {
  readonly kind: 'createSchema';
  readonly schema: SchemaDef;
  readonly ifNotExists: boolean;
}

/** `DROP SCHEMA [IF EXISTS] name [CASCADE]`. */
export interface DropSchemaOperation extends DropOptions {
  readonly kind: 'dropSchema';
  readonly name: string;
}

/** `ALTER SCHEMA name RENAME TO to`. */
export interface RenameSchemaOperation {
  readonly kind: 'renameSchema';
  readonly name: string;
  readonly to: string;
}

/** `CREATE EXTENSION [IF NOT EXISTS] name SCHEMA s [VERSION v]`. */
export interface CreateExtensionOperation {
  readonly kind: 'createExtension';
  readonly extension: Extension;
  readonly ifNotExists: boolean;
}

/** `DROP EXTENSION [IF EXISTS] name [CASCADE]`. */
export interface DropExtensionOperation extends DropOptions {
  readonly kind: 'dropExtension';
  readonly name: string;
}

/** `ALTER EXTENSION name UPDATE [TO version]`. */
export interface AlterExtensionOperation {
  readonly kind: 'alterExtension';
  readonly name: string;
  readonly version: string | null;
}

/** @example createSchema({ name: 'app', comment: null }) */
export function createSchema(
  schema: SchemaDef,
  options: { ifNotExists?: boolean } = {},
): CreateSchemaOperation {
  return node({ kind: 'createSchema', schema, ifNotExists: options.ifNotExists ?? false });
}

/** @example dropSchema('app', { cascade: true }) */
export function dropSchema(name: string, options?: Partial<DropOptions>): DropSchemaOperation {
  return node({ kind: 'dropSchema', name, ...dropOptions(options) });
}

/** @example renameSchema('app', 'core') */
export function renameSchema(name: string, to: string): RenameSchemaOperation {
  return node({ kind: 'renameSchema', name, to });
}

/** @example createExtension({ name: 'pgcrypto', schema: 'public', version: null }) */
export function createExtension(
  extension: Extension,
  options: { ifNotExists?: boolean } = {},
): CreateExtensionOperation {
  return node({ kind: 'createExtension', extension, ifNotExists: options.ifNotExists ?? false });
}

/** @example dropExtension('pgcrypto', { ifExists: true }) */
export function dropExtension(name: string, options?: Partial<DropOptions>): DropExtensionOperation {
  return node({ kind: 'dropExtension', name, ...dropOptions(options) });
}

/** @example alterExtension('pg_trgm', '1.6') */
export function alterExtension(name: string, version: string | null): AlterExtensionOperation {
  return node({ kind: 'alterExtension', name, version });
}
