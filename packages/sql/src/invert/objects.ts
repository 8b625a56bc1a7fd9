import {
  type AddCompositeAttributeOperation,
  type AddDomainCheckOperation,
  type AlterCompositeAttributeOperation,
  type AlterDomainDefaultOperation,
  type AlterDomainNotNullOperation,
  type AlterSequenceOperation,
  addCompositeAttribute,
  addDomainCheck,
  alterCompositeAttribute,
  alterDomainDefault,
  alterDomainNotNull,
  alterSequence,
  type CreateCompositeTypeOperation,
  type CreateDomainOperation,
  type CreateEnumOperation,
  type CreateExtensionOperation,
  type CreateSchemaOperation,
  type CreateSequenceOperation,
  createCompositeType,
  createDomain,
  createEnum,
  createExtension,
  createSchema,
  createSequence,
  type DropCompositeAttributeOperation,
  type DropDomainCheckOperation,
  type DropExtensionOperation,
  type DropSchemaOperation,
  type DropSequenceOperation,
  type DropTypeOperation,
  dropCompositeAttribute,
  dropDomainCheck,
  dropExtension,
  dropSchema,
  dropSequence,
  dropType,
  type Operation,
  type RenameEnumValueOperation,
  type RenameSchemaOperation,
  type RenameSequenceOperation,
  type RenameTypeOperation,
  renameEnumValue,
  renameSchema,
  renameSequence,
  renameType,
  type SequenceChanges,
  type Snapshot,
} from '@justscale/schema';
import { IrreversibleOperationError } from '../errors.js';
import { restored, sameName } from './lookup.js';

type Invert<O> = (op: O, before: Snapshot) => Operation[];

function missing(op: Operation, what: string): never {
  throw new IrreversibleOperationError(op, `${what} is not in the snapshot before the change`);
}

export function cascaded(op: Operation & { cascade: boolean }): void {
  if (op.cascade) {
    throw new IrreversibleOperationError(op, 'CASCADE dropped dependent objects the snapshot cannot name');
  }
}

export const invertCreateSchema: Invert<CreateSchemaOperation> = (op, before) =>
  before.schemas.some((s) => s.name === op.schema.name) ? [] : [dropSchema(op.schema.name)];

export const invertDropSchema: Invert<DropSchemaOperation> = (op, before) => {
  cascaded(op);
  const s = before.schemas.find((x) => x.name === op.name);
  if (s === undefined) return op.ifExists ? [] : missing(op, `schema ${op.name}`);
  return [createSchema(s)];
};

export const invertRenameSchema: Invert<RenameSchemaOperation> = (op) => [renameSchema(op.to, op.name)];

export const invertCreateExtension: Invert<CreateExtensionOperation> = (op, before) =>
  before.extensions.some((e) => e.name === op.extension.name) ? [] : [dropExtension(op.extension.name)];

export const invertDropExtension: Invert<DropExtensionOperation> = (op, before) => {
  cascaded(op);
  const e = before.extensions.find((x) => x.name === op.name);
  if (e === undefined) return op.ifExists ? [] : missing(op, `extension ${op.name}`);
  return [createExtension(e)];
};

export const invertCreateEnum: Invert<CreateEnumOperation> = (op) => [dropType('enum', op.enum)];
export const invertCreateDomain: Invert<CreateDomainOperation> = (op) => [dropType('domain', op.domain)];
export const invertCreateCompositeType: Invert<CreateCompositeTypeOperation> = (op) => [
  dropType('composite', op.type),
];

export const invertRenameEnumValue: Invert<RenameEnumValueOperation> = (op) => [
  renameEnumValue(op.type, op.to, op.from),
];

export const invertDropType: Invert<DropTypeOperation> = (op, before) => {
  cascaded(op);
  const found =
    op.typeKind === 'enum'
      ? before.enums.find((x) => sameName(x, op.type))
      : op.typeKind === 'domain'
        ? before.domains.find((x) => sameName(x, op.type))
        : before.compositeTypes.find((x) => sameName(x, op.type));
  if (found === undefined) return op.ifExists ? [] : missing(op, `type ${op.type.schema}.${op.type.name}`);
  if (op.typeKind === 'enum') return [createEnum(found as Snapshot['enums'][number])];
  if (op.typeKind === 'domain') return [createDomain(found as Snapshot['domains'][number])];
  return [createCompositeType(found as Snapshot['compositeTypes'][number])];
};

export const invertRenameType: Invert<RenameTypeOperation> = (op) => [
  renameType(op.typeKind, { schema: op.type.schema, name: op.to }, op.type.name),
];

function domainOf(op: Operation, before: Snapshot, d: { schema: string; name: string }) {
  return before.domains.find((x) => sameName(x, d)) ?? missing(op, `domain ${d.schema}.${d.name}`);
}

export const invertAlterDomainDefault: Invert<AlterDomainDefaultOperation> = (op, before) => [
  alterDomainDefault(op.domain, domainOf(op, before, op.domain).default),
];

export const invertAlterDomainNotNull: Invert<AlterDomainNotNullOperation> = (op, before) => [
  alterDomainNotNull(op.domain, domainOf(op, before, op.domain).notNull),
];

export const invertAddDomainCheck: Invert<AddDomainCheckOperation> = (op) => [
  dropDomainCheck(op.domain, op.check.name),
];

export const invertDropDomainCheck: Invert<DropDomainCheckOperation> = (op, before) => {
  cascaded(op);
  const check = domainOf(op, before, op.domain).checks.find((c) => c.name === op.name);
  if (check === undefined) return op.ifExists ? [] : missing(op, `check ${op.name}`);
  return [addDomainCheck(op.domain, check)];
};

export const invertAddCompositeAttribute: Invert<AddCompositeAttributeOperation> = (op) => [
  dropCompositeAttribute(op.type, op.attribute.name),
];

export const invertAlterCompositeAttribute: Invert<AlterCompositeAttributeOperation> = (op, before) => {
  const type = before.compositeTypes.find((x) => sameName(x, op.type)) ?? missing(op, 'the composite type');
  const attribute = type.attributes.find((a) => a.name === op.attribute.name);
  return [alterCompositeAttribute(op.type, attribute ?? missing(op, `attribute ${op.attribute.name}`))];
};

export const invertDropCompositeAttribute: Invert<DropCompositeAttributeOperation> = (op, before) => {
  cascaded(op);
  const type = before.compositeTypes.find((x) => sameName(x, op.type)) ?? missing(op, 'the composite type');
  const attribute = type.attributes.find((a) => a.name === op.name);
  if (attribute === undefined) return op.ifExists ? [] : missing(op, `attribute ${op.name}`);
  return [restored(addCompositeAttribute(op.type, attribute))];
};

export const invertCreateSequence: Invert<CreateSequenceOperation> = (op, before) =>
  op.ifNotExists && before.sequences.some((s) => sameName(s, op.sequence)) ? [] : [dropSequence(op.sequence)];

export const invertAlterSequence: Invert<AlterSequenceOperation> = (op, before) => {
  if (op.changes.restart !== undefined) {
    throw new IrreversibleOperationError(op, "RESTART loses the sequence's current value");
  }
  const s = before.sequences.find((x) => sameName(x, op.sequence)) ?? missing(op, 'the sequence');
  const keys = Object.keys(op.changes) as (keyof SequenceChanges)[];
  const back: Record<string, unknown> = {};
  // A logged sequence has no `unlogged`: going back is SET LOGGED.
  for (const k of keys) back[k] = k === 'unlogged' ? (s.unlogged ?? false) : s[k as keyof typeof s];
  return [alterSequence(op.sequence, back as SequenceChanges)];
};

export const invertDropSequence: Invert<DropSequenceOperation> = (op, before) => {
  cascaded(op);
  const s = before.sequences.find((x) => sameName(x, op.sequence));
  if (s === undefined) return op.ifExists ? [] : missing(op, 'the sequence');
  return [restored(createSequence(s))];
};

export const invertRenameSequence: Invert<RenameSequenceOperation> = (op) => [
  renameSequence({ schema: op.sequence.schema, name: op.to }, op.sequence.name),
];
