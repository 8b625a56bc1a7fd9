import { toColumnName } from '@justscale/models/core';
import {
  addConstraint,
  type Constraint,
  dropConstraint,
  type QualifiedName,
  type ReferentialAction,
  validateConstraint,
} from '@justscale/schema';
import { quoteQualified } from '@justscale/sql';
import { MigrateError } from '../../errors.js';
import type { DatabaseContext } from '../context.js';
import { asList, checkName, defaultName, type ObjectName, resolveRelation, runOperations } from './shared.js';

/** The referenced side of a foreign key. */
export interface ForeignKeyTarget {
  readonly table: ObjectName;
  readonly column?: string;
  readonly columns?: readonly string[];
}

/** Options of `addForeignKey`. */
export interface ForeignKeyOptions {
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  /** The constraint name; PostgreSQL's `<table>_<columns>_fkey` by default. */
  readonly name?: string;
  readonly deferrable?: boolean;
  readonly initiallyDeferred?: boolean;
  /** `NOT VALID`: existing rows are not checked (validate later). */
  readonly notValid?: boolean;
}

/** Options of the constraint drops. */
export interface DropConstraintOptions {
  readonly ifExists?: boolean;
  readonly cascade?: boolean;
}

export interface ConstraintMethods {
  /**
   * Adds a foreign key. Actions: `CASCADE`, `SET NULL`, `SET DEFAULT`, `RESTRICT`, `NO ACTION` (default).
   *
   * @example
   * await db.addForeignKey('posts', 'authorId', { table: 'users', column: 'id' }, { onDelete: 'CASCADE' });
   */
  addForeignKey(
    table: ObjectName,
    columns: string | readonly string[],
    references: ForeignKeyTarget,
    options?: ForeignKeyOptions,
  ): Promise<void>;
  /**
   * Drops a foreign key given by its name, or by its column(s); `fk_<table>_<columns>` is also
   * understood as "the foreign key on those columns", whatever its name.
   *
   * @example
   * await db.dropForeignKey('posts', 'posts_author_id_fkey');
   * await db.dropForeignKey('posts', 'fk_posts_author_id'); // the same foreign key
   */
  dropForeignKey(
    table: ObjectName,
    nameOrColumns: string | readonly string[],
    options?: DropConstraintOptions,
  ): Promise<void>;
  /**
   * Adds a unique constraint (PostgreSQL's `<table>_<columns>_key` by default).
   *
   * @example
   * await db.addUnique('products', ['vendor_id', 'sku'], 'unique_vendor_sku');
   */
  addUnique(table: ObjectName, columns: string | readonly string[], name?: string): Promise<void>;
  /**
   * Drops a unique constraint given by its name or its column(s).
   *
   * @example
   * await db.dropUnique('users', 'users_email_key');
   */
  dropUnique(
    table: ObjectName,
    nameOrColumns: string | readonly string[],
    options?: DropConstraintOptions,
  ): Promise<void>;
  /**
   * Adds a check constraint; the expression is SQL, used as written.
   *
   * @example
   * await db.addCheck('products', 'price_positive', 'price > 0');
   */
  addCheck(
    table: ObjectName,
    name: string,
    expression: string,
    options?: { readonly notValid?: boolean },
  ): Promise<void>;
  /**
   * Drops a check constraint.
   *
   * @example
   * await db.dropCheck('products', 'price_positive');
   */
  dropCheck(table: ObjectName, name: string, options?: DropConstraintOptions): Promise<void>;
  /**
   * `VALIDATE CONSTRAINT`: checks the existing rows against a foreign key or check added with
   * `notValid: true`, under a SHARE UPDATE EXCLUSIVE lock (reads and writes go on).
   *
   * @example
   * await db.addForeignKey('posts', 'authorId', { table: 'users', column: 'id' }, { notValid: true });
   * await db.validateConstraint('posts', 'posts_author_id_fkey');
   */
  validateConstraint(table: ObjectName, name: string): Promise<void>;
}

const base = { deferrable: false, initiallyDeferred: false, comment: null } as const;

export function constraintMethods(context: DatabaseContext): ConstraintMethods {
  const add = async (table: QualifiedName, constraint: Constraint, notValid = false) =>
    runOperations(context, [addConstraint(table, constraint, { notValid })]);
  const drop = async (
    tableName: ObjectName,
    kind: 'f' | 'u',
    nameOrColumns: string | readonly string[],
    options: DropConstraintOptions,
  ) => {
    const table = await resolveRelation(context, tableName);
    const name = await findConstraint(context, table, kind, nameOrColumns, options.ifExists ?? false);
    if (name === null) return;
    await runOperations(context, [dropConstraint(table, name, options)]);
  };
  return {
    async addForeignKey(tableName, columns, references, options = {}) {
      const table = await resolveRelation(context, tableName);
      const keys = (await context.catalog.resolve(table, asList(columns, 'addForeignKey'))).map(
        (c) => c.name,
      );
      if (typeof references !== 'object' || references === null) {
        throw new MigrateError(
          'INVALID_ARGUMENT',
          'addForeignKey references { table, column } or { table, columns }.',
        );
      }
      const target = await resolveRelation(context, references.table);
      const wanted =
        references.columns ?? (references.column === undefined ? undefined : [references.column]);
      if (wanted === undefined) {
        throw new MigrateError(
          'INVALID_ARGUMENT',
          `addForeignKey on ${table.name} needs the referenced column(s).`,
        );
      }
      const targetColumns = (
        await context.catalog.resolve(target, asList(wanted, 'addForeignKey references'))
      ).map((c) => c.name);
      const name =
        options.name === undefined
          ? await defaultName(context, table.schema, table.name, keys, 'fkey')
          : checkName(options.name, 'constraint name');
      await add(
        table,
        {
          ...base,
          kind: 'foreignKey',
          name,
          columns: keys,
          references: { table: target, columns: targetColumns },
          match: 'SIMPLE',
          onDelete: options.onDelete ?? 'NO ACTION',
          onUpdate: options.onUpdate ?? 'NO ACTION',
          onDeleteColumns: null,
          deferrable: options.deferrable ?? false,
          initiallyDeferred: options.initiallyDeferred ?? false,
        },
        options.notValid,
      );
    },
    dropForeignKey: (table, nameOrColumns, options = {}) => drop(table, 'f', nameOrColumns, options),
    async addUnique(tableName, columns, name) {
      const table = await resolveRelation(context, tableName);
      const keys = (await context.catalog.resolve(table, asList(columns, 'addUnique'))).map((c) => c.name);
      await add(table, {
        ...base,
        kind: 'unique',
        name:
          name === undefined
            ? await defaultName(context, table.schema, table.name, keys, 'key')
            : checkName(name, 'constraint name'),
        columns: keys,
        include: [],
        nullsNotDistinct: false,
      });
    },
    dropUnique: (table, nameOrColumns, options = {}) => drop(table, 'u', nameOrColumns, options),
    async addCheck(tableName, name, expression, options = {}) {
      const table = await resolveRelation(context, tableName);
      await add(
        table,
        {
          ...base,
          kind: 'check',
          name: checkName(name, 'constraint name'),
          expression: checkName(expression, 'check expression'),
          noInherit: false,
        },
        options.notValid,
      );
    },
    async dropCheck(tableName, name, options = {}) {
      const table = await resolveRelation(context, tableName);
      await runOperations(context, [dropConstraint(table, checkName(name, 'constraint name'), options)]);
    },
    async validateConstraint(tableName, name) {
      const table = await resolveRelation(context, tableName);
      await runOperations(context, [validateConstraint(table, checkName(name, 'constraint name'))]);
    },
  };
}

const constraintsSql = `SELECT k.conname AS name,
  pg_catalog.to_jsonb(ARRAY(
    SELECT a.attname::pg_catalog.text FROM pg_catalog.unnest(k.conkey) WITH ORDINALITY AS u(num, i)
    JOIN pg_catalog.pg_attribute AS a ON a.attrelid = k.conrelid AND a.attnum = u.num ORDER BY u.i)) AS columns
FROM pg_catalog.pg_constraint AS k
WHERE k.conrelid = pg_catalog.to_regclass($1::pg_catalog.text) AND k.contype = $2::pg_catalog.char
ORDER BY k.conname`;

/**
 * The constraint a drop means: the one of that name; else the one (of that kind) on exactly the
 * given column(s), named by the naming rule; else, for `fk_<table>_<columns>`, the foreign key on
 * those columns. The seed's examples drop `fk_posts_author_id`, a name other tools give; here the
 * default name is PostgreSQL's (`posts_author_id_fkey`), and both reach the same constraint.
 */
async function findConstraint(
  context: DatabaseContext,
  table: QualifiedName,
  kind: 'f' | 'u',
  nameOrColumns: string | readonly string[],
  ifExists: boolean,
): Promise<string | null> {
  const wanted = asList(nameOrColumns, kind === 'f' ? 'dropForeignKey' : 'dropUnique');
  const quoted = quoteQualified(table);
  const { rows } = await context.executor.read<{ name: string; columns: string[] }>(constraintsSql, [
    quoted,
    kind,
  ]);
  const single = typeof nameOrColumns === 'string' ? nameOrColumns : null;
  if (single !== null && rows.some((r) => r.name === single)) return single;
  const columns = await context.catalog.columns(table);
  if (columns === null) return single ?? null; // a dry run of a table not created yet: the name as given
  const resolve = (key: string) =>
    columns.has(key) ? key : columns.has(toColumnName(key)) ? toColumnName(key) : null;
  const keys = wanted.map(resolve);
  const byColumns = keys.every((k) => k !== null)
    ? rows.filter((r) => same(r.columns, keys as string[]))
    : [];
  const byPattern =
    single !== null && kind === 'f'
      ? rows.filter((r) => single === `fk_${table.name}_${r.columns.join('_')}`)
      : [];
  const found = byColumns.length === 1 ? byColumns : byPattern;
  if (found.length === 1) return found[0]!.name;
  if (ifExists) return null;
  const what = kind === 'f' ? 'foreign key' : 'unique constraint';
  const list = rows.map((r) => `${r.name} (${r.columns.join(', ')})`).join('; ') || 'none';
  throw new MigrateError(
    'INVALID_ARGUMENT',
    `Table ${table.schema}.${table.name} has no ${what} named or on ${JSON.stringify(nameOrColumns)}; its ${what}s: ${list}.`,
  );
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
