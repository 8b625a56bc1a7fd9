import { makeObjectName } from '@justscale/models/core';
import type { Operation, QualifiedName } from '@justscale/schema';
import { type Statement as CompiledStatement, compile, quoteIdent } from '@justscale/sql';
import { MigrateError, StatementError } from '../../errors.js';
import type { DatabaseContext } from '../context.js';
import type { TableName } from '../names.js';

/** A name of a schema object for the DDL methods: resolved through `search_path`, or `{ schema, name }`. */
export type ObjectName = TableName;

const versions = new WeakMap<DatabaseContext, Promise<number>>();

/** `server_version_num`, read once per Database: the compiler's target. */
function serverVersion(context: DatabaseContext): Promise<number> {
  let version = versions.get(context);
  if (version === undefined) {
    version = context.executor
      .read<{ v: string }>(`SELECT pg_catalog.current_setting('server_version_num') AS v`)
      .then(({ rows }) => Number(rows[0]?.v));
    versions.set(context, version);
  }
  return version;
}

/**
 * Compiles operation nodes with `@justscale/sql` and runs their statements, in order, through the
 * executor. A statement PostgreSQL refuses inside a transaction block (SQLSTATE 25001) becomes a
 * `MIGRATION_NOT_TRANSACTIONAL` error telling the user to set `transaction: false`.
 */
export async function runOperations(
  context: DatabaseContext,
  operations: readonly Operation[],
): Promise<readonly CompiledStatement[]> {
  const statements = await compileOperations(context, operations);
  await runStatements(context, statements);
  return statements;
}

/** The statements of `operations`, compiled for the server the executor talks to. */
export async function compileOperations(
  context: DatabaseContext,
  operations: readonly Operation[],
): Promise<CompiledStatement[]> {
  const serverVersionNum = await serverVersion(context);
  return operations.flatMap((op) => compile(op, { serverVersion: serverVersionNum }));
}

/** Runs compiled statements (simple query protocol: DDL takes no parameters). */
export async function runStatements(
  context: DatabaseContext,
  statements: readonly CompiledStatement[],
): Promise<void> {
  try {
    for (const statement of statements) {
      try {
        await context.executor.script(statement.sql);
      } catch (error) {
        if (!statement.transactional && error instanceof StatementError && error.postgres.code === '25001') {
          throw new MigrateError(
            'MIGRATION_NOT_TRANSACTIONAL',
            `${firstLine(statement.sql)} cannot run inside a transaction block. Set \`transaction: false\` in this migration's defineMigration({ ... }) so that it runs outside one.`,
            { cause: error },
          );
        }
        throw error;
      }
    }
  } finally {
    context.catalog.invalidate();
  }
}

function firstLine(sql: string): string {
  const line = sql.split('\n', 1)[0] ?? sql;
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}

/** Checks a name argument: a non-empty string. */
export function checkName(name: unknown, what: string): string {
  if (typeof name !== 'string' || name === '') {
    throw new MigrateError(
      'INVALID_ARGUMENT',
      `A ${what} must be a non-empty string, got ${JSON.stringify(name)}.`,
    );
  }
  return name;
}

/** How a qualified name reads in messages. */
export function label(name: QualifiedName): string {
  return `${name.schema}.${name.name}`;
}

const relationSchemaSql = `SELECT COALESCE(
  (SELECT n.nspname FROM pg_catalog.pg_class AS c
     JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
    WHERE c.oid = pg_catalog.to_regclass($1::pg_catalog.text)),
  pg_catalog.current_schema()) AS schema`;

const typeSchemaSql = `SELECT COALESCE(
  (SELECT n.nspname FROM pg_catalog.pg_type AS t
     JOIN pg_catalog.pg_namespace AS n ON n.oid = t.typnamespace
    WHERE t.oid = pg_catalog.to_regtype($1::pg_catalog.text)),
  pg_catalog.current_schema()) AS schema`;

const routineSchemaSql = `SELECT COALESCE(
  (SELECT n.nspname FROM pg_catalog.pg_proc AS p
     JOIN pg_catalog.pg_namespace AS n ON n.oid = p.pronamespace
    WHERE p.proname = $1 AND n.nspname = ANY (pg_catalog.current_schemas(false))
    ORDER BY pg_catalog.array_position(pg_catalog.current_schemas(false), n.nspname) LIMIT 1),
  pg_catalog.current_schema()) AS schema`;

/** `"a""b"`: the quoted form `to_regclass` and `to_regtype` parse as one identifier. */
const quoted = quoteIdent;

async function resolve(
  context: DatabaseContext,
  name: ObjectName,
  sql: string,
  what: string,
  param: (name: string) => string,
): Promise<QualifiedName> {
  if (typeof name === 'object' && name !== null) {
    return { schema: checkName(name.schema, 'schema name'), name: checkName(name.name, `${what} name`) };
  }
  const bare = checkName(name, `${what} name`);
  if (bare.includes('\u0000')) {
    throw new MigrateError('INVALID_ARGUMENT', `A ${what} name cannot contain a NUL character.`);
  }
  const { rows } = await context.executor.read<{ schema: string | null }>(sql, [param(bare)]);
  const schema = rows[0]?.schema ?? null;
  if (schema === null) {
    throw new MigrateError(
      'INVALID_ARGUMENT',
      `Cannot place ${what} "${bare}": no schema of search_path exists; give it as { schema, name }.`,
    );
  }
  return { schema, name: bare };
}

/**
 * The qualified name of a table, view, index or sequence: a string is looked up through
 * `search_path` like PostgreSQL does (where it exists), else placed in `current_schema()`, where a
 * `CREATE` would put it. A string is never split on `.`.
 */
export function resolveRelation(
  context: DatabaseContext,
  name: ObjectName,
  what = 'table',
): Promise<QualifiedName> {
  return resolve(context, name, relationSchemaSql, what, quoted);
}

/** The qualified name of a type (enum, domain, composite), as `resolveRelation` does for tables. */
export function resolveType(context: DatabaseContext, name: ObjectName): Promise<QualifiedName> {
  return resolve(context, name, typeSchemaSql, 'type', quoted);
}

/** The qualified name of a function: the first schema of `search_path` that has one of that name. */
export function resolveRoutine(context: DatabaseContext, name: ObjectName): Promise<QualifiedName> {
  return resolve(context, name, routineSchemaSql, 'function', (n) => n);
}

const freeNameSql = `SELECT c.name FROM pg_catalog.unnest($2::pg_catalog.text[]) WITH ORDINALITY AS c(name, i)
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class AS r JOIN pg_catalog.pg_namespace AS n ON n.oid = r.relnamespace
                   WHERE n.nspname = $1 AND r.relname = c.name)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint AS k JOIN pg_catalog.pg_namespace AS n ON n.oid = k.connamespace
                   WHERE n.nspname = $1 AND k.conname = c.name)
ORDER BY c.i LIMIT 1`;

/**
 * The name PostgreSQL would choose for an index or constraint created without one
 * (`ChooseRelationName`): `<table>_<columns>_<label>`, cut to 63 bytes, then `<label>1`, `<label>2`, ...
 * while the name is taken in the schema. `posts_author_id_fkey`, `posts_author_id_idx`, `users_email_key`.
 */
export async function defaultName(
  context: DatabaseContext,
  schema: string,
  table: string,
  columns: readonly string[],
  label: string,
): Promise<string> {
  const addition = columns.length === 0 ? null : columns.join('_');
  const candidates = [makeObjectName(table, addition, label)];
  for (let pass = 1; pass <= 20; pass++) candidates.push(makeObjectName(table, addition, `${label}${pass}`));
  const { rows } = await context.executor.read<{ name: string }>(freeNameSql, [schema, candidates]);
  return rows[0]?.name ?? candidates[0]!;
}

/** One column or several, as a list. */
export function asList(columns: string | readonly string[], what: string): readonly string[] {
  const list = typeof columns === 'string' ? [columns] : columns;
  if (!Array.isArray(list) || list.length === 0) {
    throw new MigrateError('INVALID_ARGUMENT', `${what} needs at least one column.`);
  }
  for (const c of list) checkName(c, 'column name');
  return list;
}
