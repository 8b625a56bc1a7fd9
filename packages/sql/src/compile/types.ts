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
  TypeKind,
  ValidateDomainCheckOperation,
} from '@justscale/schema';
import { H } from '../hazards.js';
import { quoteIdent, quoteLiteral, quoteQualified, renderType } from '../quote.js';
import { cascade, collate, ifExists, ifNotExists } from '../render.js';
import { type Context, compact, type Statement, statement } from '../statement.js';
import { commentIfAny } from './comments.js';

const keyword = (k: TypeKind): string => (k === 'domain' ? 'DOMAIN' : 'TYPE');

export function compileCreateEnum(op: CreateEnumOperation): Statement[] {
  const e = op.enum;
  return [
    statement(`CREATE TYPE ${quoteQualified(e)} AS ENUM (${e.values.map(quoteLiteral).join(', ')})`),
    ...commentIfAny({ objectKind: 'type', object: e }, e.comment),
  ];
}

export function compileAddEnumValue(op: AddEnumValueOperation, ctx: Context): Statement[] {
  let sql = `ALTER TYPE ${quoteQualified(op.type)} ADD VALUE ${ifNotExists(op.ifNotExists)}${quoteLiteral(op.value)}`;
  if (op.position !== null) {
    sql +=
      'before' in op.position
        ? ` BEFORE ${quoteLiteral(op.position.before)}`
        : ` AFTER ${quoteLiteral(op.position.after)}`;
  }
  // Before PostgreSQL 12, ADD VALUE cannot run inside a transaction block at all.
  const transactional = ctx.version >= 120000;
  return [
    statement(
      sql,
      compact([
        H.enumValueUncommitted(quoteLiteral(op.value)),
        !transactional && H.notTransactional('ALTER TYPE ... ADD VALUE (PostgreSQL < 12)'),
      ]),
      transactional,
    ),
  ];
}

export function compileRenameEnumValue(op: RenameEnumValueOperation): Statement[] {
  return [
    statement(
      `ALTER TYPE ${quoteQualified(op.type)} RENAME VALUE ${quoteLiteral(op.from)} TO ${quoteLiteral(op.to)}`,
    ),
  ];
}

export function compileCreateDomain(op: CreateDomainOperation): Statement[] {
  const d = op.domain;
  let sql = `CREATE DOMAIN ${quoteQualified(d)} AS ${renderType(d.type)}${collate(d.collation)}`;
  if (d.default !== null) sql += ` DEFAULT ${d.default}`;
  if (d.notNull) sql += ' NOT NULL';
  for (const c of d.checks) sql += ` CONSTRAINT ${quoteIdent(c.name)} CHECK (${c.expression})`;
  return [statement(sql), ...commentIfAny({ objectKind: 'domain', object: d }, d.comment)];
}

export function compileAlterDomainDefault(op: AlterDomainDefaultOperation): Statement[] {
  const action = op.default === null ? 'DROP DEFAULT' : `SET DEFAULT ${op.default}`;
  return [statement(`ALTER DOMAIN ${quoteQualified(op.domain)} ${action}`)];
}

export function compileAlterDomainNotNull(op: AlterDomainNotNullOperation): Statement[] {
  const name = quoteQualified(op.domain);
  if (!op.notNull) return [statement(`ALTER DOMAIN ${name} DROP NOT NULL`)];
  return [
    statement(`ALTER DOMAIN ${name} SET NOT NULL`, [
      H.validatesByScan(`SET NOT NULL on domain ${name}`),
      H.mayFail(`Every column of domain ${name} must be free of NULLs`),
    ]),
  ];
}

export function compileAddDomainCheck(op: AddDomainCheckOperation): Statement[] {
  const name = quoteQualified(op.domain);
  const check = quoteIdent(op.check.name);
  return [
    statement(
      `ALTER DOMAIN ${name} ADD CONSTRAINT ${check} CHECK (${op.check.expression})${op.notValid ? ' NOT VALID' : ''}`,
      op.notValid
        ? []
        : [
            H.validatesByScan(`Adding check ${check} to domain ${name}`),
            H.mayFail(`Every value of domain ${name} must pass check ${check}`),
          ],
    ),
  ];
}

export function compileDropDomainCheck(op: DropDomainCheckOperation): Statement[] {
  const name = quoteQualified(op.domain);
  return [
    statement(
      `ALTER DOMAIN ${name} DROP CONSTRAINT ${ifExists(op.ifExists)}${quoteIdent(op.name)}${cascade(op.cascade)}`,
      compact([op.cascade && H.dropsDependents(`constraint ${quoteIdent(op.name)}`)]),
    ),
  ];
}

export function compileValidateDomainCheck(op: ValidateDomainCheckOperation): Statement[] {
  const name = quoteQualified(op.domain);
  const check = quoteIdent(op.name);
  return [
    statement(`ALTER DOMAIN ${name} VALIDATE CONSTRAINT ${check}`, [
      H.validatesByScan(`Validating check ${check} of domain ${name}`),
      H.mayFail(`Every value of domain ${name} must pass check ${check}`),
    ]),
  ];
}

export function compileCreateCompositeType(op: CreateCompositeTypeOperation): Statement[] {
  const t = op.type;
  const attributes = t.attributes.map(
    (a) => `${quoteIdent(a.name)} ${renderType(a.type)}${collate(a.collation)}`,
  );
  return [
    statement(`CREATE TYPE ${quoteQualified(t)} AS (${attributes.join(', ')})`),
    ...commentIfAny({ objectKind: 'type', object: t }, t.comment),
  ];
}

export function compileAddCompositeAttribute(op: AddCompositeAttributeOperation): Statement[] {
  const a = op.attribute;
  return [
    statement(
      `ALTER TYPE ${quoteQualified(op.type)} ADD ATTRIBUTE ${quoteIdent(a.name)} ${renderType(a.type)}${collate(a.collation)}`,
      compact([op.restoresDropped === true && H.restoresDropped(`attribute ${quoteIdent(a.name)}`)]),
    ),
  ];
}

export function compileAlterCompositeAttribute(op: AlterCompositeAttributeOperation): Statement[] {
  const a = op.attribute;
  return [
    statement(
      `ALTER TYPE ${quoteQualified(op.type)} ALTER ATTRIBUTE ${quoteIdent(a.name)} TYPE ${renderType(a.type)}${collate(a.collation)}`,
    ),
  ];
}

export function compileDropCompositeAttribute(op: DropCompositeAttributeOperation): Statement[] {
  const attr = quoteIdent(op.name);
  return [
    statement(
      `ALTER TYPE ${quoteQualified(op.type)} DROP ATTRIBUTE ${ifExists(op.ifExists)}${attr}${cascade(op.cascade)}`,
      compact([H.deletesData(`attribute ${attr}`), op.cascade && H.dropsDependents(`attribute ${attr}`)]),
    ),
  ];
}

export function compileDropType(op: DropTypeOperation): Statement[] {
  const name = quoteQualified(op.type);
  return [
    statement(
      `DROP ${keyword(op.typeKind)} ${ifExists(op.ifExists)}${name}${cascade(op.cascade)}`,
      compact([
        op.cascade && H.dropsDependents(`type ${name}`),
        op.cascade && H.deletesData(`every column of type ${name}`),
      ]),
    ),
  ];
}

export function compileRenameType(op: RenameTypeOperation): Statement[] {
  return [
    statement(`ALTER ${keyword(op.typeKind)} ${quoteQualified(op.type)} RENAME TO ${quoteIdent(op.to)}`),
  ];
}
