import type {
  CreateCollationOperation,
  DropCollationOperation,
  RenameCollationOperation,
} from './collations.js';
import type { SetColumnAttributesOperation } from './column-attributes.js';
import type {
  AddColumnOperation,
  AddIdentityOperation,
  AlterColumnTypeOperation,
  AlterIdentityOperation,
  DropColumnDefaultOperation,
  DropColumnNotNullOperation,
  DropColumnOperation,
  DropIdentityOperation,
  RenameColumnOperation,
  SetColumnDefaultOperation,
  SetColumnNotNullOperation,
} from './columns.js';
import type { SetCommentOperation } from './comments.js';
import type {
  AddConstraintOperation,
  AddConstraintUsingIndexOperation,
  DropConstraintOperation,
  RenameConstraintOperation,
  ValidateConstraintOperation,
} from './constraints.js';
import type { CreateFunctionOperation, DropFunctionOperation, RenameFunctionOperation } from './functions.js';
import type { GrantOperation, RevokeOperation } from './grants.js';
import type {
  AttachIndexOperation,
  CreateIndexOperation,
  DropIndexOperation,
  RenameIndexOperation,
  SetIndexOptionsOperation,
} from './indexes.js';
import type {
  AlterPolicyOperation,
  CreatePolicyOperation,
  DropPolicyOperation,
  RenamePolicyOperation,
  SetForceRowSecurityOperation,
  SetRowSecurityOperation,
} from './policies.js';
import type { RawOperation } from './raw.js';
import type { CreateRuleOperation, DropRuleOperation } from './rules.js';
import type {
  AlterExtensionOperation,
  CreateExtensionOperation,
  CreateSchemaOperation,
  DropExtensionOperation,
  DropSchemaOperation,
  RenameSchemaOperation,
} from './schemas.js';
import type {
  AlterSequenceOperation,
  CreateSequenceOperation,
  DropSequenceOperation,
  RenameSequenceOperation,
} from './sequences.js';
import type {
  ClusterOnOperation,
  SetMaterializedViewOptionsOperation,
  SetReplicaIdentityOperation,
} from './storage.js';
import type {
  AddInheritOperation,
  AttachPartitionOperation,
  CreateTableOperation,
  DetachPartitionOperation,
  DropInheritOperation,
  DropTableOperation,
  RenameTableOperation,
  SetTableLoggedOperation,
  SetTableOptionsOperation,
} from './tables.js';
import type { CreateTriggerOperation, DropTriggerOperation, RenameTriggerOperation } from './triggers.js';
import type {
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
  ValidateDomainCheckOperation,
} from './types.js';
import type {
  CreateViewOperation,
  DropViewOperation,
  RefreshMaterializedViewOperation,
  RenameViewOperation,
} from './views.js';

/** Every DDL operation. A closed union: the compiler handles each kind, or does not compile. */
export type Operation =
  | CreateSchemaOperation
  | DropSchemaOperation
  | RenameSchemaOperation
  | CreateExtensionOperation
  | DropExtensionOperation
  | AlterExtensionOperation
  | CreateEnumOperation
  | AddEnumValueOperation
  | RenameEnumValueOperation
  | CreateDomainOperation
  | AlterDomainDefaultOperation
  | AlterDomainNotNullOperation
  | AddDomainCheckOperation
  | DropDomainCheckOperation
  | ValidateDomainCheckOperation
  | CreateCompositeTypeOperation
  | AddCompositeAttributeOperation
  | AlterCompositeAttributeOperation
  | DropCompositeAttributeOperation
  | DropTypeOperation
  | RenameTypeOperation
  | CreateCollationOperation
  | DropCollationOperation
  | RenameCollationOperation
  | CreateSequenceOperation
  | AlterSequenceOperation
  | DropSequenceOperation
  | RenameSequenceOperation
  | CreateTableOperation
  | DropTableOperation
  | RenameTableOperation
  | SetTableLoggedOperation
  | SetTableOptionsOperation
  | AttachPartitionOperation
  | DetachPartitionOperation
  | AddInheritOperation
  | DropInheritOperation
  | SetReplicaIdentityOperation
  | ClusterOnOperation
  | AddColumnOperation
  | DropColumnOperation
  | RenameColumnOperation
  | SetColumnAttributesOperation
  | AlterColumnTypeOperation
  | SetColumnDefaultOperation
  | DropColumnDefaultOperation
  | SetColumnNotNullOperation
  | DropColumnNotNullOperation
  | AddIdentityOperation
  | AlterIdentityOperation
  | DropIdentityOperation
  | AddConstraintOperation
  | AddConstraintUsingIndexOperation
  | DropConstraintOperation
  | RenameConstraintOperation
  | ValidateConstraintOperation
  | CreateIndexOperation
  | AttachIndexOperation
  | DropIndexOperation
  | RenameIndexOperation
  | SetIndexOptionsOperation
  | CreateViewOperation
  | DropViewOperation
  | RenameViewOperation
  | RefreshMaterializedViewOperation
  | SetMaterializedViewOptionsOperation
  | CreateFunctionOperation
  | DropFunctionOperation
  | RenameFunctionOperation
  | CreateTriggerOperation
  | DropTriggerOperation
  | RenameTriggerOperation
  | CreateRuleOperation
  | DropRuleOperation
  | SetRowSecurityOperation
  | SetForceRowSecurityOperation
  | CreatePolicyOperation
  | AlterPolicyOperation
  | DropPolicyOperation
  | RenamePolicyOperation
  | SetCommentOperation
  | GrantOperation
  | RevokeOperation
  | RawOperation;

/** The discriminant of every operation. */
export type OperationKind = Operation['kind'];

/** The operation of one kind. */
export type OperationOf<K extends OperationKind> = Extract<Operation, { kind: K }>;

// A Record over every kind: adding a kind to the union without listing it here does not compile.
const KINDS: { readonly [K in OperationKind]: true } = {
  createSchema: true,
  dropSchema: true,
  renameSchema: true,
  createExtension: true,
  dropExtension: true,
  alterExtension: true,
  createEnum: true,
  addEnumValue: true,
  renameEnumValue: true,
  createDomain: true,
  alterDomainDefault: true,
  alterDomainNotNull: true,
  addDomainCheck: true,
  dropDomainCheck: true,
  validateDomainCheck: true,
  createCompositeType: true,
  addCompositeAttribute: true,
  alterCompositeAttribute: true,
  dropCompositeAttribute: true,
  dropType: true,
  renameType: true,
  createCollation: true,
  dropCollation: true,
  renameCollation: true,
  createSequence: true,
  alterSequence: true,
  dropSequence: true,
  renameSequence: true,
  createTable: true,
  dropTable: true,
  renameTable: true,
  setTableLogged: true,
  setTableOptions: true,
  attachPartition: true,
  detachPartition: true,
  addInherit: true,
  dropInherit: true,
  setReplicaIdentity: true,
  clusterOn: true,
  addColumn: true,
  dropColumn: true,
  renameColumn: true,
  setColumnAttributes: true,
  alterColumnType: true,
  setColumnDefault: true,
  dropColumnDefault: true,
  setColumnNotNull: true,
  dropColumnNotNull: true,
  addIdentity: true,
  alterIdentity: true,
  dropIdentity: true,
  addConstraint: true,
  addConstraintUsingIndex: true,
  dropConstraint: true,
  renameConstraint: true,
  validateConstraint: true,
  createIndex: true,
  attachIndex: true,
  dropIndex: true,
  renameIndex: true,
  setIndexOptions: true,
  createView: true,
  dropView: true,
  renameView: true,
  refreshMaterializedView: true,
  setMaterializedViewOptions: true,
  createFunction: true,
  dropFunction: true,
  renameFunction: true,
  createTrigger: true,
  dropTrigger: true,
  renameTrigger: true,
  createRule: true,
  dropRule: true,
  setRowSecurity: true,
  setForceRowSecurity: true,
  createPolicy: true,
  alterPolicy: true,
  dropPolicy: true,
  renamePolicy: true,
  setComment: true,
  grant: true,
  revoke: true,
  raw: true,
};

/** Every operation kind, in family order. */
export const OPERATION_KINDS: readonly OperationKind[] = Object.freeze(Object.keys(KINDS) as OperationKind[]);
