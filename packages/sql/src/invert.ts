import type { Operation, OperationKind, OperationOf, Snapshot } from '@justscale/schema';
import { IrreversibleOperationError } from './errors.js';
import * as collations from './invert/collations.js';
import * as columnAttributes from './invert/column-attributes.js';
import * as objects from './invert/objects.js';
import * as others from './invert/others.js';
import * as storage from './invert/storage.js';
import * as tables from './invert/tables.js';

type Inverter<K extends OperationKind> = (op: OperationOf<K>, before: Snapshot) => Operation[];

const irreversible =
  (reason: string) =>
  (op: Operation): never => {
    throw new IrreversibleOperationError(op, reason);
  };

// A Record over every kind: an operation kind without an inverse (or a reason it has none) does not compile.
const INVERTERS: { readonly [K in OperationKind]: Inverter<K> } = {
  createSchema: objects.invertCreateSchema,
  dropSchema: objects.invertDropSchema,
  renameSchema: objects.invertRenameSchema,
  createExtension: objects.invertCreateExtension,
  dropExtension: objects.invertDropExtension,
  alterExtension: irreversible(
    'extensions seldom ship downgrade scripts, and the snapshot names no version path',
  ),
  createEnum: objects.invertCreateEnum,
  addEnumValue: irreversible('PostgreSQL cannot remove a value from an enum'),
  renameEnumValue: objects.invertRenameEnumValue,
  createDomain: objects.invertCreateDomain,
  alterDomainDefault: objects.invertAlterDomainDefault,
  alterDomainNotNull: objects.invertAlterDomainNotNull,
  addDomainCheck: objects.invertAddDomainCheck,
  dropDomainCheck: objects.invertDropDomainCheck,
  validateDomainCheck: () => [],
  createCompositeType: objects.invertCreateCompositeType,
  addCompositeAttribute: objects.invertAddCompositeAttribute,
  alterCompositeAttribute: objects.invertAlterCompositeAttribute,
  dropCompositeAttribute: objects.invertDropCompositeAttribute,
  dropType: objects.invertDropType,
  renameType: objects.invertRenameType,
  createCollation: collations.invertCreateCollation,
  dropCollation: collations.invertDropCollation,
  renameCollation: collations.invertRenameCollation,
  createSequence: objects.invertCreateSequence,
  alterSequence: objects.invertAlterSequence,
  dropSequence: objects.invertDropSequence,
  renameSequence: objects.invertRenameSequence,
  createTable: tables.invertCreateTable,
  dropTable: tables.invertDropTable,
  renameTable: tables.invertRenameTable,
  setTableLogged: tables.invertSetTableLogged,
  setTableOptions: tables.invertSetTableOptions,
  attachPartition: tables.invertAttachPartition,
  detachPartition: tables.invertDetachPartition,
  addInherit: tables.invertAddInherit,
  dropInherit: tables.invertDropInherit,
  setReplicaIdentity: storage.invertSetReplicaIdentity,
  clusterOn: storage.invertClusterOn,
  addColumn: tables.invertAddColumn,
  dropColumn: tables.invertDropColumn,
  renameColumn: tables.invertRenameColumn,
  setColumnAttributes: columnAttributes.invertSetColumnAttributes,
  alterColumnType: tables.invertAlterColumnType,
  setColumnDefault: tables.invertSetColumnDefault,
  dropColumnDefault: tables.invertDropColumnDefault,
  setColumnNotNull: tables.invertSetColumnNotNull,
  dropColumnNotNull: tables.invertDropColumnNotNull,
  addIdentity: tables.invertAddIdentity,
  alterIdentity: tables.invertAlterIdentity,
  dropIdentity: tables.invertDropIdentity,
  addConstraint: tables.invertAddConstraint,
  addConstraintUsingIndex: tables.invertAddConstraintUsingIndex,
  dropConstraint: tables.invertDropConstraint,
  renameConstraint: tables.invertRenameConstraint,
  validateConstraint: tables.invertValidateConstraint,
  createIndex: others.invertCreateIndex,
  attachIndex: others.invertAttachIndex,
  dropIndex: others.invertDropIndex,
  renameIndex: others.invertRenameIndex,
  setIndexOptions: others.invertSetIndexOptions,
  createView: others.invertCreateView,
  dropView: others.invertDropView,
  renameView: others.invertRenameView,
  // A refresh changes the view's rows, not the schema: there is nothing to undo.
  refreshMaterializedView: () => [],
  setMaterializedViewOptions: storage.invertSetMaterializedViewOptions,
  createFunction: others.invertCreateFunction,
  dropFunction: others.invertDropFunction,
  renameFunction: others.invertRenameFunction,
  createTrigger: others.invertCreateTrigger,
  dropTrigger: others.invertDropTrigger,
  renameTrigger: others.invertRenameTrigger,
  createRule: collations.invertCreateRule,
  dropRule: collations.invertDropRule,
  setRowSecurity: others.invertSetRowSecurity,
  setForceRowSecurity: others.invertSetForceRowSecurity,
  createPolicy: others.invertCreatePolicy,
  alterPolicy: others.invertAlterPolicy,
  dropPolicy: others.invertDropPolicy,
  renamePolicy: others.invertRenamePolicy,
  setComment: others.invertSetComment,
  grant: others.invertGrant,
  revoke: others.invertRevoke,
  raw: irreversible('raw SQL has no known inverse'),
};

/**
 * The operations that undo `operation`, given the snapshot before it ran. Dropped objects come back
 * from the snapshot (their data does not: the re-creating node carries `restoresDropped`, and its
 * statement a `deletes-data` hazard). Throws `IrreversibleOperationError` when nothing can undo it
 * (an enum value added, raw SQL, a `CASCADE` drop, a sequence `RESTART`).
 *
 * @example
 * invert(dropColumn(users, 'age'), before) // [addColumn(users, <age as before>) with restoresDropped]
 */
export function invert(operation: Operation, before: Snapshot): Operation[] {
  const inverter = INVERTERS[operation.kind] as Inverter<OperationKind>;
  return inverter(operation, before);
}
