import { type AnyField, toColumnName } from '@justscale/models/core';
import {
  addColumn,
  addConstraint,
  alterColumnType,
  createIndex,
  dropColumn,
  dropColumnDefault,
  dropColumnNotNull,
  type Operation,
  type QualifiedName,
  renameColumn,
  setColumnDefault,
  setColumnNotNull,
} from '@justscale/schema';
import type { Statement as CompiledStatement } from '@justscale/sql';
import { quoteQualified } from '@justscale/sql';
import { MigrateError } from '../../errors.js';
import type { DatabaseContext } from '../context.js';
import { fieldToColumn } from './fields.js';
import { checkName, compileOperations, type ObjectName, resolveRelation, runStatements } from './shared.js';
import type { DropOptions } from './tables.js';

/**
 * What `alterTable`'s callback receives. Column names follow the models' naming rule: an existing
 * column is found as written or as `toColumnName(name)` (`authorId` → `author_id`); a new name
 * (`addColumn`, the target of `renameColumn`) is `toColumnName(name)` unless the field says
 * `.column('exact')`.
 */
export interface AlterTableBuilder {
  /** `ADD COLUMN`, with the constraints and index the field asks for (`.unique()`, `.references()`, ...). */
  addColumn(name: string, field: AnyField): AlterTableBuilder;
  dropColumn(name: string, options?: DropOptions): AlterTableBuilder;
  renameColumn(from: string, to: string): AlterTableBuilder;
  setNotNull(column: string): AlterTableBuilder;
  setNullable(column: string): AlterTableBuilder;
  /** `SET DEFAULT` with an SQL expression, used as written: `setDefault('status', "'active'")`. */
  setDefault(column: string, sql: string): AlterTableBuilder;
  dropDefault(column: string): AlterTableBuilder;
  /**
   * `ALTER COLUMN ... TYPE`: a field builder (`field.bigint()`), or a built-in type as PostgreSQL
   * spells it (`'bigint'`, `'character varying(50)'`); `using` is an SQL expression.
   */
  alterType(
    column: string,
    type: AnyField | string,
    options?: { readonly using?: string },
  ): AlterTableBuilder;
}

export interface ColumnMethods {
  /**
   * Changes a table: the callback lists the changes, which run as one `ALTER TABLE` where
   * PostgreSQL allows it (renames and comments are statements of their own).
   *
   * @example
   * await db.alterTable('products', (table) => {
   *   table.addColumn('sku', field.string().max(50).unique());
   *   table.renameColumn('old_name', 'new_name');
   *   table.setDefault('status', "'active'");
   * });
   */
  alterTable(name: ObjectName, change: (table: AlterTableBuilder) => void): Promise<void>;
}

/** One change of the builder: its operations, and the column it touches (for merging). */
type Step = (resolve: (column: string) => string) => { readonly column: string; readonly ops: Operation[] };

export function columnMethods(context: DatabaseContext): ColumnMethods {
  return {
    async alterTable(name, change) {
      const table = await resolveRelation(context, name);
      const steps: Step[] = [];
      const builder: AlterTableBuilder = {
        addColumn(column, field) {
          checkName(column, 'column name');
          steps.push(() => {
            const { column: c, constraints, indexes } = fieldToColumn(table, column, field);
            const ops = [
              addColumn(table, c),
              ...constraints.map((k) => addConstraint(table, k)),
              ...indexes.map((i) => createIndex(i)),
            ];
            return { column: c.name, ops };
          });
          return builder;
        },
        dropColumn(column, options = {}) {
          steps.push((r) => one(r(column), (c) => dropColumn(table, c, options)));
          return builder;
        },
        renameColumn(from, to) {
          checkName(to, 'column name');
          steps.push((r) => one(r(from), (c) => renameColumn(table, c, toColumnName(to))));
          return builder;
        },
        setNotNull(column) {
          steps.push((r) => one(r(column), (c) => setColumnNotNull(table, c)));
          return builder;
        },
        setNullable(column) {
          steps.push((r) => one(r(column), (c) => dropColumnNotNull(table, c)));
          return builder;
        },
        setDefault(column, sql) {
          checkName(sql, 'default expression');
          steps.push((r) => one(r(column), (c) => setColumnDefault(table, c, sql)));
          return builder;
        },
        dropDefault(column) {
          steps.push((r) => one(r(column), (c) => dropColumnDefault(table, c)));
          return builder;
        },
        alterType(column, type, options = {}) {
          steps.push((r) => {
            const name = r(column);
            const columnType =
              typeof type === 'string'
                ? { schema: 'pg_catalog', name: checkName(type, 'type'), modifiers: null, array: false }
                : fieldToColumn(table, name, type).column.type;
            return {
              column: name,
              ops: [alterColumnType(table, name, columnType, { using: options.using ?? null })],
            };
          });
          return builder;
        },
      };
      if (typeof change !== 'function') {
        throw new MigrateError(
          'INVALID_ARGUMENT',
          'alterTable takes a callback: (table) => { table.addColumn(...) }.',
        );
      }
      change(builder);
      if (steps.length === 0) return;
      const resolve = await columnResolver(context, table);
      const groups: { column: string; statements: CompiledStatement[] }[] = [];
      for (const step of steps) {
        const { column, ops } = step(resolve);
        groups.push({ column, statements: await compileOperations(context, ops) });
      }
      await runStatements(context, mergeAlterTable(table, groups));
    },
  };
}

function one(column: string, op: (column: string) => Operation): { column: string; ops: Operation[] } {
  return { column, ops: [op(column)] };
}

/**
 * Resolves the column names of an `alterTable`, tracking the columns its own steps add and rename:
 * as written when the table has that column, else `toColumnName(name)`. In a dry run of a table
 * that does not exist yet, the naming rule alone decides.
 */
async function columnResolver(
  context: DatabaseContext,
  table: QualifiedName,
): Promise<(column: string) => string> {
  const columns = await context.catalog.columns(table);
  const known = new Set(columns === null ? [] : columns.keys());
  return (key) => {
    checkName(key, 'column name');
    if (columns === null) return toColumnName(key);
    if (known.has(key)) return key;
    const snake = toColumnName(key);
    if (known.has(snake)) return snake;
    const list = [...known].map((c) => `"${c}"`).join(', ') || 'none';
    throw new MigrateError(
      'UNKNOWN_COLUMN',
      `Table ${table.schema}.${table.name} has no column "${key}"${snake === key ? '' : ` (nor "${snake}")`}; its columns are ${list}.`,
    );
  };
}

/**
 * Joins the statements of consecutive changes into one `ALTER TABLE <table> a, b, ...`, which
 * PostgreSQL runs under one lock and with at most one rewrite. PostgreSQL orders the actions of one
 * statement by its own passes (a `DROP DEFAULT` runs before a `SET DEFAULT`), so a change to a column
 * already changed in the statement starts a new one: the result is the order the user wrote. `RENAME`
 * cannot be combined with other actions, and statements on other objects (comments, indexes) stay apart.
 */
export function mergeAlterTable(
  table: QualifiedName,
  groups: readonly { readonly column: string; readonly statements: readonly CompiledStatement[] }[],
): CompiledStatement[] {
  const prefix = `ALTER TABLE ${quoteQualified(table)} `;
  const mergeable = (s: CompiledStatement) =>
    s.transactional && s.sql.startsWith(prefix) && !s.sql.slice(prefix.length).startsWith('RENAME ');
  const out: CompiledStatement[] = [];
  let run: CompiledStatement[] = [];
  let touched = new Set<string>();
  const flush = () => {
    if (run.length === 1) out.push(run[0]!);
    else if (run.length > 1) {
      out.push(
        Object.freeze({
          sql: `${prefix}${run.map((s) => s.sql.slice(prefix.length)).join(',\n  ')}`,
          transactional: true,
          hazards: Object.freeze(run.flatMap((s) => s.hazards)),
        }),
      );
    }
    run = [];
    touched = new Set();
  };
  for (const group of groups) {
    if (touched.has(group.column)) flush();
    for (const s of group.statements) {
      if (mergeable(s)) {
        run.push(s);
        touched.add(group.column);
      } else {
        flush();
        out.push(s);
      }
    }
  }
  flush();
  return out;
}
