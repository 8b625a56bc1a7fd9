import { toColumnName } from '@justscale/models';
import type { Operation, QualifiedName, Snapshot } from '@justscale/schema';
import { columnField, createTableArgs, propertyOf } from './fields-source.js';
import { arrow, call, dbCall, object, options, ref, type Src, value } from './source-tree.js';

/** A name the Database API maps to itself whichever way it resolves it (as written, or by the naming rule). */
function stable(column: string): boolean {
  return toColumnName(column) === column;
}

function qn(name: QualifiedName): Src {
  return value({ schema: name.schema, name: name.name });
}

/** `db.alterTable(table, (t) => t.<method>(...args))`: one change, so one statement. */
function alter(table: QualifiedName, method: string, ...args: Src[]): Src {
  return dbCall('alterTable', qn(table), arrow('t', call(ref('t'), method, ...args)));
}

/**
 * The Database API call that builds `op`, as a source tree, or null when no call can (the writer
 * then uses `db.raw` with the compiled SQL). A call is a candidate only: the writer evaluates it
 * against a recording Database and keeps it only when it runs exactly the planned statements.
 */
export function apiCall(op: Operation, before: Snapshot): Src | null {
  switch (op.kind) {
    case 'createTable': {
      if (op.ifNotExists) return null;
      const args = createTableArgs(op.table);
      return args === null ? null : dbCall('createTable', qn(op.table), ...args);
    }
    case 'addColumn': {
      if (op.ifNotExists) return null;
      const key = propertyOf(op.column.name);
      const f = columnField(op.table, key, op.column);
      return f === null ? null : alter(op.table, 'addColumn', value(key), f);
    }
    case 'dropTable':
      return dbCall('dropTable', qn(op.table), ...options({ ifExists: op.ifExists, cascade: op.cascade }));
    case 'renameTable':
      return dbCall('renameTable', qn(op.table), value(op.to));
    case 'createIndex': {
      // `ON ONLY` (the online recipe for partitioned tables) has no call of its own.
      if (op.only) return null;
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
      return dbCall(
        'createIndex',
        qn({ schema: i.schema, name: i.table }),
        value(i.keys.map((k) => k.column)),
        ...options({
          name: i.name,
          unique: i.unique,
          where: i.where,
          using: i.method === 'btree' ? null : i.method,
          include: i.include.length > 0 ? i.include : null,
          concurrently: op.concurrently,
          ifNotExists: op.ifNotExists,
        }),
      );
    }
    case 'dropIndex':
      // `idx_<table>_<columns>` is also an alias dropIndex understands: keep such names raw.
      if (op.index.name.startsWith('idx_')) return null;
      return dbCall(
        'dropIndex',
        qn(op.index),
        ...options({ ifExists: op.ifExists, cascade: op.cascade, concurrently: op.concurrently }),
      );
    case 'addConstraint':
      return addConstraintCall(op);
    case 'validateConstraint':
      return dbCall('validateConstraint', qn(op.table), value(op.name));
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
      return dbCall(
        method,
        qn(op.table),
        value(op.name),
        ...options({ ifExists: op.ifExists, cascade: op.cascade }),
      );
    }
    case 'createEnum':
      if (op.enum.comment !== null) return null;
      return dbCall('createType', qn(op.enum), value(op.enum.values));
    case 'addEnumValue':
      return dbCall(
        'addTypeValue',
        qn(op.type),
        value(op.value),
        ...options({ ...(op.position ?? {}), ifNotExists: op.ifNotExists }),
      );
    case 'renameEnumValue':
      return dbCall('renameTypeValue', qn(op.type), value(op.from), value(op.to));
    case 'dropType':
      if (op.typeKind !== 'enum') return null;
      return dbCall('dropType', qn(op.type), ...options({ ifExists: op.ifExists, cascade: op.cascade }));
    case 'createSchema':
      if (op.schema.comment !== null) return null;
      return dbCall('createSchema', value(op.schema.name), ...options({ ifNotExists: op.ifNotExists }));
    case 'dropSchema':
      return dbCall('dropSchema', value(op.name), ...options({ ifExists: op.ifExists, cascade: op.cascade }));
    case 'dropColumn':
      if (!stable(op.column)) return null;
      return alter(
        op.table,
        'dropColumn',
        value(op.column),
        ...options({ ifExists: op.ifExists, cascade: op.cascade }),
      );
    case 'renameColumn':
      if (!stable(op.from) || !stable(op.to)) return null;
      return alter(op.table, 'renameColumn', value(op.from), value(op.to));
    case 'setColumnNotNull':
      return stable(op.column) ? alter(op.table, 'setNotNull', value(op.column)) : null;
    case 'dropColumnNotNull':
      return stable(op.column) ? alter(op.table, 'setNullable', value(op.column)) : null;
    case 'setColumnDefault':
      return stable(op.column) ? alter(op.table, 'setDefault', value(op.column), value(op.default)) : null;
    case 'dropColumnDefault':
      return stable(op.column) ? alter(op.table, 'dropDefault', value(op.column)) : null;
    case 'alterColumnType': {
      if (!stable(op.column) || op.collation !== null) return null;
      const t = op.type;
      if (t.schema !== 'pg_catalog' || t.array) return null;
      return alter(op.table, 'alterType', value(op.column), value(t.name), ...options({ using: op.using }));
    }
    default:
      return null;
  }
}

function addConstraintCall(op: Operation & { kind: 'addConstraint' }): Src | null {
  const c = op.constraint;
  if (c.comment !== null) return null;
  if (c.kind === 'foreignKey') {
    if (c.match !== 'SIMPLE' || c.onDeleteColumns !== null) return null;
    if (!c.columns.every(stable) || !c.references.columns.every(stable)) return null;
    const columns = (list: readonly string[]) => (list.length === 1 ? value(list[0]) : value(list));
    return dbCall(
      'addForeignKey',
      qn(op.table),
      columns(c.columns),
      object([
        ['table', qn(c.references.table)],
        [c.references.columns.length === 1 ? 'column' : 'columns', columns(c.references.columns)],
      ]),
      ...options({
        name: c.name,
        onDelete: c.onDelete === 'NO ACTION' ? null : c.onDelete,
        onUpdate: c.onUpdate === 'NO ACTION' ? null : c.onUpdate,
        deferrable: c.deferrable,
        initiallyDeferred: c.initiallyDeferred,
        notValid: op.notValid,
      }),
    );
  }
  if (c.kind === 'unique') {
    if (c.include.length > 0 || c.nullsNotDistinct || c.deferrable || op.notValid || !c.columns.every(stable))
      return null;
    return dbCall(
      'addUnique',
      qn(op.table),
      c.columns.length === 1 ? value(c.columns[0]) : value(c.columns),
      value(c.name),
    );
  }
  if (c.kind === 'check') {
    if (c.noInherit || c.deferrable) return null;
    return dbCall(
      'addCheck',
      qn(op.table),
      value(c.name),
      value(c.expression),
      ...options({ notValid: op.notValid }),
    );
  }
  return null;
}
