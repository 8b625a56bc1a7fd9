import type {
  AlterExtensionOperation,
  CreateExtensionOperation,
  CreateSchemaOperation,
  DropExtensionOperation,
  DropSchemaOperation,
  RenameSchemaOperation,
} from '@justscale/schema';
import { H } from '../hazards.js';
import { quoteIdent, quoteLiteral } from '../quote.js';
import { cascade, ifExists, ifNotExists } from '../render.js';
import { compact, type Statement, statement } from '../statement.js';
import { commentIfAny } from './comments.js';

export function compileCreateSchema(op: CreateSchemaOperation): Statement[] {
  return [
    statement(`CREATE SCHEMA ${ifNotExists(op.ifNotExists)}${quoteIdent(op.schema.name)}`),
    ...commentIfAny({ objectKind: 'schema', name: op.schema.name }, op.schema.comment),
  ];
}

export function compileDropSchema(op: DropSchemaOperation): Statement[] {
  const name = quoteIdent(op.name);
  return [
    statement(
      `DROP SCHEMA ${ifExists(op.ifExists)}${name}${cascade(op.cascade)}`,
      compact([
        op.cascade && H.dropsDependents(`schema ${name}`),
        op.cascade && H.deletesData(`every table in schema ${name}`),
      ]),
    ),
  ];
}

export function compileRenameSchema(op: RenameSchemaOperation): Statement[] {
  return [statement(`ALTER SCHEMA ${quoteIdent(op.name)} RENAME TO ${quoteIdent(op.to)}`)];
}

export function compileCreateExtension(op: CreateExtensionOperation): Statement[] {
  const e = op.extension;
  const version = e.version === null ? '' : ` VERSION ${quoteLiteral(e.version)}`;
  return [
    statement(
      `CREATE EXTENSION ${ifNotExists(op.ifNotExists)}${quoteIdent(e.name)} WITH SCHEMA ${quoteIdent(e.schema)}${version}`,
    ),
  ];
}

export function compileDropExtension(op: DropExtensionOperation): Statement[] {
  const name = quoteIdent(op.name);
  return [
    statement(
      `DROP EXTENSION ${ifExists(op.ifExists)}${name}${cascade(op.cascade)}`,
      compact([
        op.cascade && H.dropsDependents(`extension ${name}`),
        op.cascade && H.deletesData(`columns whose type extension ${name} provides`),
      ]),
    ),
  ];
}

export function compileAlterExtension(op: AlterExtensionOperation): Statement[] {
  const to = op.version === null ? '' : ` TO ${quoteLiteral(op.version)}`;
  return [statement(`ALTER EXTENSION ${quoteIdent(op.name)} UPDATE${to}`)];
}
