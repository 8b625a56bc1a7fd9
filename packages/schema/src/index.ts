export type { Dependency, ObjectRef, ObjectRefKind } from './dependencies.js';
export { objectRef, refKey } from './dependencies.js';
export {
  builtinType,
  column,
  defaultSequenceOptions,
  emptySnapshot,
  index,
  indexKey,
  qualifiedName,
  snapshot,
  table,
  userType,
} from './factories.js';
export { deepFreeze } from './freeze.js';
export {
  columnsByName,
  normalizeSnapshot,
  objectsOnly,
  snapshotsEqual,
  stableStringify,
} from './normalize.js';
export type {
  CreateCollationOperation,
  DropCollationOperation,
  RenameCollationOperation,
} from './operations/collations.js';
export { createCollation, dropCollation, renameCollation } from './operations/collations.js';
export type {
  ColumnAttributeChanges,
  SetColumnAttributesOperation,
} from './operations/column-attributes.js';
export { setColumnAttributes } from './operations/column-attributes.js';
export type {
  AddColumnOperation,
  AddIdentityOperation,
  AlterColumnTypeOperation,
  AlterIdentityOperation,
  DropColumnDefaultOperation,
  DropColumnNotNullOperation,
  DropColumnOperation,
  DropIdentityOperation,
  IdentityChanges,
  RenameColumnOperation,
  SetColumnDefaultOperation,
  SetColumnNotNullOperation,
} from './operations/columns.js';
export {
  addColumn,
  addIdentity,
  alterColumnType,
  alterIdentity,
  dropColumn,
  dropColumnDefault,
  dropColumnNotNull,
  dropIdentity,
  renameColumn,
  setColumnDefault,
  setColumnNotNull,
} from './operations/columns.js';
export type { CommentTarget, SetCommentOperation } from './operations/comments.js';
export { setComment } from './operations/comments.js';
export type {
  AddConstraintOperation,
  AddConstraintUsingIndexOperation,
  DropConstraintOperation,
  RenameConstraintOperation,
  ValidateConstraintOperation,
} from './operations/constraints.js';
export {
  addConstraint,
  addConstraintUsingIndex,
  dropConstraint,
  renameConstraint,
  validateConstraint,
} from './operations/constraints.js';
export type {
  CreateFunctionOperation,
  DropFunctionOperation,
  RenameFunctionOperation,
  RoutineRef,
} from './operations/functions.js';
export { createFunction, dropFunction, renameFunction, routineRef } from './operations/functions.js';
export type { GrantOperation, RevokeOperation } from './operations/grants.js';
export { grant, revoke } from './operations/grants.js';
export type { Hazard, HazardKind } from './operations/hazard.js';
export { HAZARD_KINDS } from './operations/hazard.js';
export type {
  AttachIndexOperation,
  CreateIndexOperation,
  DropIndexOperation,
  RenameIndexOperation,
  SetIndexOptionsOperation,
} from './operations/indexes.js';
export { attachIndex, createIndex, dropIndex, renameIndex, setIndexOptions } from './operations/indexes.js';
export type { DropOptions } from './operations/node.js';
export type { Operation, OperationKind, OperationOf } from './operations/operation.js';
export { OPERATION_KINDS } from './operations/operation.js';
export type {
  AlterPolicyOperation,
  CreatePolicyOperation,
  DropPolicyOperation,
  PolicyChanges,
  RenamePolicyOperation,
  SetForceRowSecurityOperation,
  SetRowSecurityOperation,
} from './operations/policies.js';
export {
  alterPolicy,
  createPolicy,
  dropPolicy,
  renamePolicy,
  setForceRowSecurity,
  setRowSecurity,
} from './operations/policies.js';
export type { RawOperation } from './operations/raw.js';
export { raw } from './operations/raw.js';
export type { CreateRuleOperation, DropRuleOperation } from './operations/rules.js';
export { createRule, dropRule } from './operations/rules.js';
export type {
  AlterExtensionOperation,
  CreateExtensionOperation,
  CreateSchemaOperation,
  DropExtensionOperation,
  DropSchemaOperation,
  RenameSchemaOperation,
} from './operations/schemas.js';
export {
  alterExtension,
  createExtension,
  createSchema,
  dropExtension,
  dropSchema,
  renameSchema,
} from './operations/schemas.js';
export type {
  AlterSequenceOperation,
  CreateSequenceOperation,
  DropSequenceOperation,
  RenameSequenceOperation,
  SequenceChanges,
} from './operations/sequences.js';
export { alterSequence, createSequence, dropSequence, renameSequence } from './operations/sequences.js';
export type {
  ClusterOnOperation,
  SetMaterializedViewOptionsOperation,
  SetReplicaIdentityOperation,
} from './operations/storage.js';
export { clusterOn, setMaterializedViewOptions, setReplicaIdentity } from './operations/storage.js';
export type {
  AddInheritOperation,
  AttachPartitionOperation,
  CreateTableOperation,
  DetachPartitionOperation,
  DropInheritOperation,
  DropTableOperation,
  RenameTableOperation,
  SetTableLoggedOperation,
  SetTableOptionsOperation,
} from './operations/tables.js';
export {
  addInherit,
  attachPartition,
  createTable,
  detachPartition,
  dropInherit,
  dropTable,
  renameTable,
  setTableLogged,
  setTableOptions,
} from './operations/tables.js';
export type {
  CreateTriggerOperation,
  DropTriggerOperation,
  RenameTriggerOperation,
} from './operations/triggers.js';
export { createTrigger, dropTrigger, renameTrigger } from './operations/triggers.js';
export type {
  AddCompositeAttributeOperation,
  AddDomainCheckOperation,
  AddEnumValueOperation,
  AlterCompositeAttributeOperation,
  AlterDomainDefaultOperation,
  AlterDomainNotNullOperation,
  CreateCompositeTypeOperation,
  CreateDomainOperation,
  CreateEnumOperation,
  DropCompositeAttributeOperation,
  DropDomainCheckOperation,
  DropTypeOperation,
  RenameEnumValueOperation,
  RenameTypeOperation,
  TypeKind,
  ValidateDomainCheckOperation,
} from './operations/types.js';
export {
  addCompositeAttribute,
  addDomainCheck,
  addEnumValue,
  alterCompositeAttribute,
  alterDomainDefault,
  alterDomainNotNull,
  createCompositeType,
  createDomain,
  createEnum,
  dropCompositeAttribute,
  dropDomainCheck,
  dropType,
  renameEnumValue,
  renameType,
  validateDomainCheck,
} from './operations/types.js';
export type {
  CreateViewOperation,
  DropViewOperation,
  RefreshMaterializedViewOperation,
  RenameViewOperation,
} from './operations/views.js';
export { createView, dropView, refreshMaterializedView, renameView } from './operations/views.js';
export type {
  CheckConstraint,
  Collation,
  Column,
  ColumnCompression,
  ColumnStorage,
  CompositeAttribute,
  CompositeType,
  Constraint,
  ConstraintKind,
  Domain,
  DomainCheck,
  EnumType,
  ExclusionConstraint,
  Extension,
  ForeignKeyConstraint,
  FunctionDef,
  Grant,
  GrantObjectKind,
  Identity,
  Index,
  IndexKey,
  IndexMethod,
  PartitionStrategy,
  Policy,
  PolicyCommand,
  PrimaryKeyConstraint,
  QualifiedName,
  ReferentialAction,
  ReplicaIdentity,
  Rule,
  SchemaDef,
  Sequence,
  SequenceOptions,
  Snapshot,
  StorageMode,
  Table,
  Trigger,
  TriggerEvent,
  TypeRef,
  UniqueConstraint,
  View,
  Volatility,
} from './snapshot.js';
