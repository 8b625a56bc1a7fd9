import { toColumnName } from '@justscale/models';
import type { Operation, QualifiedName, Snapshot } from '@justscale/schema';
import { lit } from './literal.js';

/** A name the Database API maps to itself whichever way it resolves it (as written, or by the naming rule). */
function stable(column: string): boolean {
  return toColumnName(column) === column;
}

function qn(name: QualifiedName): string {
  return lit({ schema: name.schema, name: name.name });
}

/** `, { a: true }` with only the options that are set, or nothing. */
function opts(options: Record<string, unknown>): string {
  const set = Object.fromEntries(
    Object.entries(options).filter(([, v]) => v !== false && v !== null && v !== undefined),
  );
  return Object.keys(set).length === 0 ? '' : `, ${lit(set)}`;
}

function alter(table: QualifiedName, call: string): string {
  return `db.alterTable(${qn(table)}, (t) => t.${call})`;
}

/**
 * The Database API call that builds exactly `op`, or null when none does (the writer then uses
 * `db.raw` with the compiled SQL). The caller also checks that the call compiles to the plan's SQL.
 */
export function apiCall(op: Operation, before: Snapshot): string | null {
  switch (op.kind) {
    case 'dropTable':
      return `db.dropTable(${qn(op.table)}${opts({ ifExists: op.ifExists, cascade: op.cascade })})`;
    case 'renameTable':
      return `db.renameTable(${qn(op.table)}, ${lit(op.to)})`;
    case 'createIndex': {
      const i = op.index;
      const plain = i.keys.every(
        (k) =>
          k.column !== null &&
          stable(k.column) &&
          k.collation === null &&
          k.opclass === null &&
          !k.descending &&
          !k.nullsFirst,
      );
      if (!plain || i.nullsNotDistinct || Object.keys(i.options).length > 0 || i.comment !== null)
        return null;
      if (!i.include.every(stable)) return null;
      return `db.createIndex(${qn({ schema: i.schema, name: i.table })}, ${lit(i.keys.map((k) => k.column))}${opts(
        {
          name: i.name,
          unique: i.unique,
          where: i.where,
          using: i.method === 'btree' ? null : i.method,
          include: i.include.length > 0 ? i.include : null,
          concurrently: op.concurrently,
          ifNotExists: op.ifNotExists,
        },
      )})`;
    }
    case 'dropIndex':
      // `idx_<table>_<columns>` is also an alias dropIndex understands: keep such names raw.
      if (op.index.name.startsWith('idx_')) return null;
      return `db.dropIndex(${qn(op.index)}${opts({ ifExists: op.ifExists, cascade: op.cascade, concurrently: op.concurrently })})`;
    case 'addConstraint': {
      const c = op.constraint;
      if (c.comment !== null) return null;
      if (c.kind === 'foreignKey') {
        if (c.match !== 'SIMPLE' || c.onDeleteColumns !== null) return null;
        if (!c.columns.every(stable) || !c.references.columns.every(stable)) return null;
        return `db.addForeignKey(${qn(op.table)}, ${lit(c.columns)}, { table: ${qn(c.references.table)}, columns: ${lit(c.references.columns)} }${opts(
          {
            name: c.name,
            onDelete: c.onDelete === 'NO ACTION' ? null : c.onDelete,
            onUpdate: c.onUpdate === 'NO ACTION' ? null : c.onUpdate,
            deferrable: c.deferrable,
            initiallyDeferred: c.initiallyDeferred,
            notValid: op.notValid,
          },
        )})`;
      }
      if (c.kind === 'unique') {
        if (
          c.include.length > 0 ||
          c.nullsNotDistinct ||
          c.deferrable ||
          op.notValid ||
          !c.columns.every(stable)
        )
          return null;
        return `db.addUnique(${qn(op.table)}, ${lit(c.columns)}, ${lit(c.name)})`;
      }
      if (c.kind === 'check') {
        if (c.noInherit || c.deferrable) return null;
        return `db.addCheck(${qn(op.table)}, ${lit(c.name)}, ${lit(c.expression)}${opts({ notValid: op.notValid })})`;
      }
      return null;
    }
    case 'dropConstraint': {
      const table = before.tables.find((t) => t.schema === op.table.schema && t.name === op.table.name);
      const kind = table?.constraints.find((c) => c.name === op.name)?.kind;
      const method =
        kind === 'foreignKey'
          ? 'dropForeignKey'
          : kind === 'unique'
            ? 'dropUnique'
            : kind === 'check'
              ? 'dropCheck'
              : null;
      if (method === null) return null;
      return `db.${method}(${qn(op.table)}, ${lit(op.name)}${opts({ ifExists: op.ifExists, cascade: op.cascade })})`;
    }
    case 'createEnum':
      if (op.enum.comment !== null) return null;
      return `db.createType(${qn(op.enum)}, ${lit(op.enum.values)})`;
    case 'addEnumValue':
      return `db.addTypeValue(${qn(op.type)}, ${lit(op.value)}${opts({ ...(op.position ?? {}), ifNotExists: op.ifNotExists })})`;
    case 'renameEnumValue':
      return `db.renameTypeValue(${qn(op.type)}, ${lit(op.from)}, ${lit(op.to)})`;
    case 'dropType':
      if (op.typeKind !== 'enum') return null;
      return `db.dropType(${qn(op.type)}${opts({ ifExists: op.ifExists, cascade: op.cascade })})`;
    case 'createSchema':
      if (op.schema.comment !== null) return null;
      return `db.createSchema(${lit(op.schema.name)}${opts({ ifNotExists: op.ifNotExists })})`;
    case 'dropSchema':
      return `db.dropSchema(${lit(op.name)}${opts({ ifExists: op.ifExists, cascade: op.cascade })})`;
    case 'dropColumn':
      if (!stable(op.column)) return null;
      return alter(
        op.table,
        `dropColumn(${lit(op.column)}${opts({ ifExists: op.ifExists, cascade: op.cascade })})`,
      );
    case 'renameColumn':
      if (!stable(op.from) || !stable(op.to)) return null;
      return alter(op.table, `renameColumn(${lit(op.from)}, ${lit(op.to)})`);
    case 'setColumnNotNull':
      return stable(op.column) ? alter(op.table, `setNotNull(${lit(op.column)})`) : null;
    case 'dropColumnNotNull':
      return stable(op.column) ? alter(op.table, `setNullable(${lit(op.column)})`) : null;
    case 'setColumnDefault':
      return stable(op.column) ? alter(op.table, `setDefault(${lit(op.column)}, ${lit(op.default)})`) : null;
    case 'dropColumnDefault':
      return stable(op.column) ? alter(op.table, `dropDefault(${lit(op.column)})`) : null;
    default:
      return null;
  }
}
