import type {
  AddConstraintOperation,
  AddConstraintUsingIndexOperation,
  Constraint,
  DropConstraintOperation,
  Hazard,
  QualifiedName,
  RenameConstraintOperation,
  ValidateConstraintOperation,
} from '@justscale/schema';
import { InvalidOperationError } from '../errors.js';
import { H } from '../hazards.js';
import { quoteIdent, quoteQualified } from '../quote.js';
import { assertNever, cascade, constraintBody, ifExists } from '../render.js';
import { type Context, compact, type Statement, statement } from '../statement.js';
import { commentIfAny } from './comments.js';

function addHazards(c: Constraint, table: string, notValid: boolean): Hazard[] {
  const name = quoteIdent(c.name);
  const validates = !notValid && [
    H.validatesByScan(`Adding constraint ${name}`),
    H.mayFail(`Existing rows of ${table} must satisfy ${name}`),
  ];
  switch (c.kind) {
    case 'primaryKey':
    case 'unique':
    case 'exclusion':
      return [
        H.buildsIndex(name),
        H.accessExclusive(table),
        H.mayFail(`Existing rows of ${table} must satisfy ${name}`),
        ...(c.kind === 'primaryKey'
          ? [H.validatesByScan(`The primary key sets its columns NOT NULL, which`)]
          : []),
      ];
    case 'check':
      return [H.accessExclusive(table), ...(validates || [])];
    case 'foreignKey':
      return [
        H.blocksWrites(`Adding foreign key ${name} (SHARE ROW EXCLUSIVE on both tables)`),
        ...(validates || []),
      ];
    default:
      return assertNever(c);
  }
}

/** A check or foreign key the snapshot keeps `NOT VALID` (rows already there were never checked). */
export function isNotValid(c: Constraint): boolean {
  return (c.kind === 'check' || c.kind === 'foreignKey') && c.notValid === true;
}

export function compileAddConstraint(op: AddConstraintOperation, ctx: Context): Statement[] {
  const c = op.constraint;
  const notValid = op.notValid || isNotValid(c);
  if (notValid && c.kind !== 'check' && c.kind !== 'foreignKey') {
    throw new InvalidOperationError(op, 'NOT VALID applies to check and foreign-key constraints only');
  }
  const t = quoteQualified(op.table);
  return [
    statement(
      `ALTER TABLE ${t} ADD CONSTRAINT ${quoteIdent(c.name)} ${constraintBody(c, ctx)}${notValid ? ' NOT VALID' : ''}`,
      addHazards(c, t, notValid),
    ),
    ...commentIfAny({ objectKind: 'constraint', table: op.table, name: c.name }, c.comment),
    ...indexCommentIfAny(op.table, c),
  ];
}

/** `COMMENT ON INDEX` of the index a key or exclusion constraint made (it has the constraint's name). */
export function indexCommentIfAny(table: QualifiedName, c: Constraint): Statement[] {
  const comment = 'indexComment' in c ? (c.indexComment ?? null) : null;
  return commentIfAny({ objectKind: 'index', object: { schema: table.schema, name: c.name } }, comment);
}

export function compileAddConstraintUsingIndex(op: AddConstraintUsingIndexOperation): Statement[] {
  const t = quoteQualified(op.table);
  const key = op.constraintKind === 'primaryKey' ? 'PRIMARY KEY' : 'UNIQUE';
  let sql = `ALTER TABLE ${t} ADD CONSTRAINT ${quoteIdent(op.name)} ${key} USING INDEX ${quoteIdent(op.index)}`;
  if (op.deferrable) sql += op.initiallyDeferred ? ' DEFERRABLE INITIALLY DEFERRED' : ' DEFERRABLE';
  return [
    statement(
      sql,
      compact([
        H.accessExclusive(t),
        op.constraintKind === 'primaryKey' &&
          H.validatesByScan('A primary key sets its columns NOT NULL, which'),
        op.constraintKind === 'primaryKey' && H.mayFail('The key columns must hold no NULL'),
      ]),
    ),
  ];
}

export function compileDropConstraint(op: DropConstraintOperation): Statement[] {
  const t = quoteQualified(op.table);
  const name = quoteIdent(op.name);
  return [
    statement(
      `ALTER TABLE ${t} DROP CONSTRAINT ${ifExists(op.ifExists)}${name}${cascade(op.cascade)}`,
      compact([H.accessExclusive(t), op.cascade && H.dropsDependents(`constraint ${name}`)]),
    ),
  ];
}

export function compileRenameConstraint(op: RenameConstraintOperation): Statement[] {
  const t = quoteQualified(op.table);
  return [
    statement(`ALTER TABLE ${t} RENAME CONSTRAINT ${quoteIdent(op.from)} TO ${quoteIdent(op.to)}`, [
      H.accessExclusive(t),
    ]),
  ];
}

export function compileValidateConstraint(op: ValidateConstraintOperation): Statement[] {
  const t = quoteQualified(op.table);
  const name = quoteIdent(op.name);
  // VALIDATE takes SHARE UPDATE EXCLUSIVE only: reads and writes go on while it scans.
  return [
    statement(`ALTER TABLE ${t} VALIDATE CONSTRAINT ${name}`, [
      H.validatesByScan(`Validating ${name}`),
      H.mayFail(`Existing rows of ${t} must satisfy ${name}`),
    ]),
  ];
}
