import type { Operation, OperationKind, OperationOf } from '@justscale/schema';
import * as collations from './compile/collations.js';
import * as columnAttributes from './compile/column-attributes.js';
import * as columns from './compile/columns.js';
import * as comments from './compile/comments.js';
import * as constraints from './compile/constraints.js';
import * as functions from './compile/functions.js';
import * as grants from './compile/grants.js';
import * as indexes from './compile/indexes.js';
import * as policies from './compile/policies.js';
import * as rules from './compile/rules.js';
import * as schemas from './compile/schemas.js';
import * as sequences from './compile/sequences.js';
import * as storage from './compile/storage.js';
import * as tables from './compile/tables.js';
import * as triggers from './compile/triggers.js';
import * as types from './compile/types.js';
import * as views from './compile/views.js';
import { type CompileOptions, type Context, context, type Statement } from './statement.js';

type Handler<K extends OperationKind> = (op: OperationOf<K>, ctx: Context) => Statement[];

// A Record over every kind: an operation kind without a handler does not compile.
const HANDLERS: { readonly [K in OperationKind]: Handler<K> } = {
  createSchema: schemas.compileCreateSchema,
  dropSchema: schemas.compileDropSchema,
  renameSchema: schemas.compileRenameSchema,
  createExtension: schemas.compileCreateExtension,
  dropExtension: schemas.compileDropExtension,
  alterExtension: schemas.compileAlterExtension,
  createEnum: types.compileCreateEnum,
  addEnumValue: types.compileAddEnumValue,
  renameEnumValue: types.compileRenameEnumValue,
  createDomain: types.compileCreateDomain,
  alterDomainDefault: types.compileAlterDomainDefault,
  alterDomainNotNull: types.compileAlterDomainNotNull,
  addDomainCheck: types.compileAddDomainCheck,
  dropDomainCheck: types.compileDropDomainCheck,
  validateDomainCheck: types.compileValidateDomainCheck,
  createCompositeType: types.compileCreateCompositeType,
  addCompositeAttribute: types.compileAddCompositeAttribute,
  alterCompositeAttribute: types.compileAlterCompositeAttribute,
  dropCompositeAttribute: types.compileDropCompositeAttribute,
  dropType: types.compileDropType,
  renameType: types.compileRenameType,
  createCollation: collations.compileCreateCollation,
  dropCollation: collations.compileDropCollation,
  renameCollation: collations.compileRenameCollation,
  createSequence: sequences.compileCreateSequence,
  alterSequence: sequences.compileAlterSequence,
  dropSequence: sequences.compileDropSequence,
  renameSequence: sequences.compileRenameSequence,
  createTable: tables.compileCreateTable,
  dropTable: tables.compileDropTable,
  renameTable: tables.compileRenameTable,
  setTableLogged: tables.compileSetTableLogged,
  setTableOptions: tables.compileSetTableOptions,
  attachPartition: tables.compileAttachPartition,
  detachPartition: tables.compileDetachPartition,
  addInherit: tables.compileAddInherit,
  dropInherit: tables.compileDropInherit,
  setReplicaIdentity: storage.compileSetReplicaIdentity,
  clusterOn: storage.compileClusterOn,
  addColumn: columns.compileAddColumn,
  dropColumn: columns.compileDropColumn,
  renameColumn: columns.compileRenameColumn,
  setColumnAttributes: columnAttributes.compileSetColumnAttributes,
  alterColumnType: columns.compileAlterColumnType,
  setColumnDefault: columns.compileSetColumnDefault,
  dropColumnDefault: columns.compileDropColumnDefault,
  setColumnNotNull: columns.compileSetColumnNotNull,
  dropColumnNotNull: columns.compileDropColumnNotNull,
  addIdentity: columns.compileAddIdentity,
  alterIdentity: columns.compileAlterIdentity,
  dropIdentity: columns.compileDropIdentity,
  addConstraint: constraints.compileAddConstraint,
  addConstraintUsingIndex: constraints.compileAddConstraintUsingIndex,
  dropConstraint: constraints.compileDropConstraint,
  renameConstraint: constraints.compileRenameConstraint,
  validateConstraint: constraints.compileValidateConstraint,
  createIndex: indexes.compileCreateIndex,
  attachIndex: indexes.compileAttachIndex,
  dropIndex: indexes.compileDropIndex,
  renameIndex: indexes.compileRenameIndex,
  setIndexOptions: indexes.compileSetIndexOptions,
  createView: views.compileCreateView,
  dropView: views.compileDropView,
  renameView: views.compileRenameView,
  refreshMaterializedView: views.compileRefreshMaterializedView,
  setMaterializedViewOptions: storage.compileSetMaterializedViewOptions,
  createFunction: functions.compileCreateFunction,
  dropFunction: functions.compileDropFunction,
  renameFunction: functions.compileRenameFunction,
  createTrigger: triggers.compileCreateTrigger,
  dropTrigger: triggers.compileDropTrigger,
  renameTrigger: triggers.compileRenameTrigger,
  createRule: rules.compileCreateRule,
  dropRule: rules.compileDropRule,
  setRowSecurity: policies.compileSetRowSecurity,
  setForceRowSecurity: policies.compileSetForceRowSecurity,
  createPolicy: policies.compileCreatePolicy,
  alterPolicy: policies.compileAlterPolicy,
  dropPolicy: policies.compileDropPolicy,
  renamePolicy: policies.compileRenamePolicy,
  setComment: comments.compileSetComment,
  grant: grants.compileGrant,
  revoke: grants.compileRevoke,
  raw: grants.compileRaw,
};

/**
 * Compiles one operation into the statements that carry it out, each with whether it may run in a
 * transaction and its hazards. Pure: no connection, no clock, no environment.
 *
 * @example
 * compile(dropColumn({ schema: 'public', name: 'users' }, 'age'))
 * // [{ sql: 'ALTER TABLE "public"."users" DROP COLUMN "age"', transactional: true,
 * //    hazards: [{ kind: 'deletes-data', ... }, { kind: 'access-exclusive-lock', ... }] }]
 */
export function compile(operation: Operation, options: CompileOptions = {}): Statement[] {
  const handler = HANDLERS[operation.kind] as Handler<OperationKind>;
  return handler(operation, context(options));
}

/**
 * Compiles operations in order into one flat list of statements.
 *
 * @example compileAll([createTable(t), createIndex(i)], { serverVersion: 150000 })
 */
export function compileAll(operations: readonly Operation[], options: CompileOptions = {}): Statement[] {
  return operations.flatMap((op) => compile(op, options));
}
