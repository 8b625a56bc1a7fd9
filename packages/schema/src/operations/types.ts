import type {
  CompositeAttribute,
  CompositeType,
  Domain,
  DomainCheck,
  EnumType,
  QualifiedName,
} from '../snapshot.js';
import { type DropOptions, dropOptions, node } from './node.js';

/** Which statement family a user-defined type belongs to: enums and composites are `TYPE`s, domains `DOMAIN`s. */
export type TypeKind = 'enum' | 'domain' | 'composite';

/** `CREATE TYPE name AS ENUM (...)` (and its comment). */
export interface CreateEnumOperation {
  readonly kind: 'createEnum';
  readonly enum: EnumType;
}

/** `ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'v' [BEFORE 'x' | AFTER 'x']`. */
export interface AddEnumValueOperation {
  readonly kind: 'addEnumValue';
  readonly type: QualifiedName;
  readonly value: string;
  /** Where the value goes; null appends it. */
  readonly position: { readonly before: string } | { readonly after: string } | null;
  readonly ifNotExists: boolean;
}

/** `ALTER TYPE name RENAME VALUE 'from' TO 'to'`. */
export interface RenameEnumValueOperation {
  readonly kind: 'renameEnumValue';
  readonly type: QualifiedName;
  readonly from: string;
  readonly to: string;
}

/** `CREATE DOMAIN name AS type [COLLATE] [DEFAULT] [NOT NULL] [CONSTRAINT c CHECK (...)]` (and its comment). */
export interface CreateDomainOperation {
  readonly kind: 'createDomain';
  readonly domain: Domain;
}

/** `ALTER DOMAIN name SET DEFAULT expr` / `DROP DEFAULT` (null). */
export interface AlterDomainDefaultOperation {
  readonly kind: 'alterDomainDefault';
  readonly domain: QualifiedName;
  readonly default: string | null;
}

/** `ALTER DOMAIN name SET NOT NULL` / `DROP NOT NULL`. */
export interface AlterDomainNotNullOperation {
  readonly kind: 'alterDomainNotNull';
  readonly domain: QualifiedName;
  readonly notNull: boolean;
}

/** `ALTER DOMAIN name ADD CONSTRAINT c CHECK (...) [NOT VALID]`. */
export interface AddDomainCheckOperation {
  readonly kind: 'addDomainCheck';
  readonly domain: QualifiedName;
  readonly check: DomainCheck;
  readonly notValid: boolean;
}

/** `ALTER DOMAIN name DROP CONSTRAINT [IF EXISTS] c [CASCADE]`. */
export interface DropDomainCheckOperation extends DropOptions {
  readonly kind: 'dropDomainCheck';
  readonly domain: QualifiedName;
  readonly name: string;
}

/** `ALTER DOMAIN name VALIDATE CONSTRAINT c`. */
export interface ValidateDomainCheckOperation {
  readonly kind: 'validateDomainCheck';
  readonly domain: QualifiedName;
  readonly name: string;
}

/** `CREATE TYPE name AS (attr type, ...)` (and its comment). */
export interface CreateCompositeTypeOperation {
  readonly kind: 'createCompositeType';
  readonly type: CompositeType;
}

/** `ALTER TYPE name ADD ATTRIBUTE a type [COLLATE c]`. */
export interface AddCompositeAttributeOperation {
  readonly kind: 'addCompositeAttribute';
  readonly type: QualifiedName;
  readonly attribute: CompositeAttribute;
  /**
   * Set by `invert` when this node re-creates something a drop destroyed: the definition comes back,
   * the data does not, and the compiled statement carries a `deletes-data` hazard saying so.
   */
  readonly restoresDropped?: boolean;
}

/**
 * `ALTER TYPE name ALTER ATTRIBUTE a TYPE t [COLLATE c]`: an attribute retyped in place (functions
 * that take the type keep working; PostgreSQL refuses it while a table column has the type).
 */
export interface AlterCompositeAttributeOperation {
  readonly kind: 'alterCompositeAttribute';
  readonly type: QualifiedName;
  /** The attribute as it becomes: its name, new type and collation. */
  readonly attribute: CompositeAttribute;
}

/** `ALTER TYPE name DROP ATTRIBUTE [IF EXISTS] a [CASCADE]`. */
export interface DropCompositeAttributeOperation extends DropOptions {
  readonly kind: 'dropCompositeAttribute';
  readonly type: QualifiedName;
  readonly name: string;
}

/** `DROP TYPE` (enum, composite) or `DROP DOMAIN` (domain) `[IF EXISTS] name [CASCADE]`. */
export interface DropTypeOperation extends DropOptions {
  readonly kind: 'dropType';
  readonly typeKind: TypeKind;
  readonly type: QualifiedName;
}

/** `ALTER TYPE|DOMAIN name RENAME TO to` (the schema stays). */
export interface RenameTypeOperation {
  readonly kind: 'renameType';
  readonly typeKind: TypeKind;
  readonly type: QualifiedName;
  readonly to: string;
}

/** @example createEnum({ schema: 'public', name: 'status', values: ['a', 'b'], comment: null }) */
export function createEnum(enumType: EnumType): CreateEnumOperation {
  return node({ kind: 'createEnum', enum: enumType });
}

/** @example addEnumValue({ schema: 'public', name: 'status' }, 'c', { after: 'b' }) */
export function addEnumValue(
  type: QualifiedName,
  value: string,
  options: { before?: string; after?: string; ifNotExists?: boolean } = {},
): AddEnumValueOperation {
  if (options.before !== undefined && options.after !== undefined) {
    throw new TypeError('addEnumValue: give `before` or `after`, not both');
  }
  const position =
    options.before !== undefined
      ? { before: options.before }
      : options.after !== undefined
        ? { after: options.after }
        : null;
  return node({ kind: 'addEnumValue', type, value, position, ifNotExists: options.ifNotExists ?? false });
}

/** @example renameEnumValue({ schema: 'public', name: 'status' }, 'a', 'active') */
export function renameEnumValue(type: QualifiedName, from: string, to: string): RenameEnumValueOperation {
  return node({ kind: 'renameEnumValue', type, from, to });
}

/** @example createDomain({ schema: 'public', name: 'email', type, collation: null, default: null, notNull: true, checks: [], comment: null }) */
export function createDomain(domain: Domain): CreateDomainOperation {
  return node({ kind: 'createDomain', domain });
}

/** @example alterDomainDefault({ schema: 'public', name: 'qty' }, '0') */
export function alterDomainDefault(
  domain: QualifiedName,
  defaultExpr: string | null,
): AlterDomainDefaultOperation {
  return node({ kind: 'alterDomainDefault', domain, default: defaultExpr });
}

/** @example alterDomainNotNull({ schema: 'public', name: 'qty' }, true) */
export function alterDomainNotNull(domain: QualifiedName, notNull: boolean): AlterDomainNotNullOperation {
  return node({ kind: 'alterDomainNotNull', domain, notNull });
}

/** @example addDomainCheck(domain, { name: 'positive', expression: '(VALUE > 0)' }, { notValid: true }) */
export function addDomainCheck(
  domain: QualifiedName,
  check: DomainCheck,
  options: { notValid?: boolean } = {},
): AddDomainCheckOperation {
  return node({ kind: 'addDomainCheck', domain, check, notValid: options.notValid ?? false });
}

/** @example dropDomainCheck(domain, 'positive') */
export function dropDomainCheck(
  domain: QualifiedName,
  name: string,
  options?: Partial<DropOptions>,
): DropDomainCheckOperation {
  return node({ kind: 'dropDomainCheck', domain, name, ...dropOptions(options) });
}

/** @example validateDomainCheck(domain, 'positive') */
export function validateDomainCheck(domain: QualifiedName, name: string): ValidateDomainCheckOperation {
  return node({ kind: 'validateDomainCheck', domain, name });
}

/** @example createCompositeType({ schema: 'public', name: 'pair', attributes: [...], comment: null }) */
export function createCompositeType(type: CompositeType): CreateCompositeTypeOperation {
  return node({ kind: 'createCompositeType', type });
}

/** @example addCompositeAttribute(type, { name: 'z', type: builtinType('integer'), collation: null }) */
export function addCompositeAttribute(
  type: QualifiedName,
  attribute: CompositeAttribute,
): AddCompositeAttributeOperation {
  return node({ kind: 'addCompositeAttribute', type, attribute });
}

/** @example alterCompositeAttribute(type, { name: 'x', type: builtinType('bigint'), collation: null }) */
export function alterCompositeAttribute(
  type: QualifiedName,
  attribute: CompositeAttribute,
): AlterCompositeAttributeOperation {
  return node({ kind: 'alterCompositeAttribute', type, attribute });
}

/** @example dropCompositeAttribute(type, 'z') */
export function dropCompositeAttribute(
  type: QualifiedName,
  name: string,
  options?: Partial<DropOptions>,
): DropCompositeAttributeOperation {
  return node({ kind: 'dropCompositeAttribute', type, name, ...dropOptions(options) });
}

/** @example dropType('enum', { schema: 'public', name: 'status' }, { ifExists: true }) */
export function dropType(
  typeKind: TypeKind,
  type: QualifiedName,
  options?: Partial<DropOptions>,
): DropTypeOperation {
  return node({ kind: 'dropType', typeKind, type, ...dropOptions(options) });
}

/** @example renameType('enum', { schema: 'public', name: 'status' }, 'state') */
export function renameType(typeKind: TypeKind, type: QualifiedName, to: string): RenameTypeOperation {
  return node({ kind: 'renameType', typeKind, type, to });
}
