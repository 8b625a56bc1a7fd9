import {
  type Column,
  type Constraint,
  column as columnNode,
  defaultSequenceOptions,
  type EnumType,
  type Identity,
  type Index,
  index as indexNode,
  type SchemaDef,
  type SequenceOptions,
  type Snapshot,
  snapshot,
  type Table,
  table as tableNode,
} from '@justscale/schema';
import { ModelError } from './errors.js';
import { parenthesize, singleColumnOf } from './expressions.js';
import type { AnyField, FieldConfig, IdentityOptions } from './field.js';
import { defaultLiteral } from './literals.js';
import type { EnumDef, IndexKeyOption, ModelLike } from './model-types.js';
import { checkName, checkNoNul, chooseName, expressionColumnName, nameAddition } from './naming.js';
import { sqlText } from './sql.js';
import { typeRefOf } from './type-ref.js';

/** Names already used in one schema: relations (tables, indexes, sequences) and constraints. */
interface Namespace {
  readonly relations: Set<string>;
  readonly constraints: Set<string>;
}

const IDENTITY_TYPES = { integer: 'integer', smallint: 'smallint', bigint: 'bigint' } as const;
const TYPE_MIN = { smallint: '-32768', integer: '-2147483648', bigint: '-9223372036854775808' } as const;

/** Resolves a model, or a thunk returning one. */
export function resolveModel(target: ModelLike | (() => ModelLike)): ModelLike {
  return typeof target === 'function' ? target() : target;
}

/** The primary key columns of a model (field-level `.primaryKey()` or the `primaryKey` option). */
export function primaryKeyColumns(model: ModelLike): string[] {
  const fromFields = Object.entries(model.fields)
    .filter(([, f]) => f.config.primaryKey)
    .map(([p]) => model.columnName(p));
  const option = model.options.primaryKey;
  if (option && fromFields.length > 0) {
    throw new ModelError('INVALID_FIELD', 'primary key given both on fields and in options', model.name);
  }
  if (!option) return fromFields;
  const cols = Array.isArray(option) ? option : (option as { columns: readonly string[] }).columns;
  return cols.map((c) => resolveColumn(model, c));
}

/** A property name or a column name of the model → the column name. */
export function resolveColumn(model: ModelLike, nameOrProperty: string): string {
  if (Object.hasOwn(model.fields, nameOrProperty)) return model.columnName(nameOrProperty);
  const columns = Object.keys(model.fields).map((p) => model.columnName(p));
  if (columns.includes(nameOrProperty)) return nameOrProperty;
  throw new ModelError(
    'UNKNOWN_COLUMN',
    `no column or property "${nameOrProperty}"`,
    `${model.schema}.${model.name}`,
  );
}

function sequenceOf(config: FieldConfig, options: IdentityOptions, name: string, where: string): Identity {
  const type = IDENTITY_TYPES[config.kind as keyof typeof IDENTITY_TYPES];
  if (!type || config.array) throw new ModelError('INVALID_FIELD', 'identity needs an integer type', where);
  const base = defaultSequenceOptions(type);
  const str = (v: number | bigint | string | undefined): string | undefined => {
    if (v === undefined) return undefined;
    try {
      return BigInt(v).toString();
    } catch (cause) {
      throw new ModelError('INVALID_FIELD', `identity option ${String(v)} is not an integer`, where, {
        cause,
      });
    }
  };
  const increment = str(options.increment) ?? base.increment;
  const descending = increment.startsWith('-');
  const minValue = str(options.minValue) ?? (descending ? TYPE_MIN[type] : base.minValue);
  const maxValue = str(options.maxValue) ?? (descending ? '-1' : base.maxValue);
  const sequence: SequenceOptions & { name: string } = {
    name,
    type,
    start: str(options.start) ?? (descending ? maxValue : minValue),
    increment,
    minValue,
    maxValue,
    cache: str(options.cache) ?? base.cache,
    cycle: options.cycle ?? false,
  };
  return { generation: options.always ? 'ALWAYS' : 'BY DEFAULT', sequence };
}

function columnOf(model: ModelLike, property: string, f: AnyField, ns: Namespace): Column {
  const c = f.config;
  const name = checkName(model.columnName(property), 'column');
  const where = `${model.schema}.${model.name}.${name}`;
  if (c.identity && (c.default || c.generated)) {
    throw new ModelError('INVALID_FIELD', 'an identity column has no default or generated expression', where);
  }
  if (c.generated && c.default)
    throw new ModelError('INVALID_FIELD', 'a generated column has no default', where);
  let def: string | null = null;
  if (c.default?.kind === 'sql') def = c.default.text;
  else if (c.default?.kind === 'value') def = defaultLiteral(c, c.default.value, where);
  else if (c.kind === 'uuid' && c.primaryKey && !c.array && !c.generated) def = 'gen_random_uuid()';
  const identity = c.identity
    ? sequenceOf(
        c,
        c.identity,
        c.identity.sequenceName
          ? checkName(c.identity.sequenceName, 'sequence')
          : chooseName(model.name, name, 'seq', ns.relations),
        where,
      )
    : null;
  return columnNode({
    name,
    type: typeRefOf(c),
    notNull: !c.nullable || c.primaryKey || identity !== null,
    default: def,
    identity,
    generated: c.generated,
    collation: c.collation === null ? null : { schema: 'pg_catalog', name: c.collation },
    comment: c.comment,
  });
}

function constraintBase(name: string) {
  return { name, deferrable: false, initiallyDeferred: false, comment: null };
}

function referenceTarget(
  target: ModelLike | (() => ModelLike) | { table: string | ModelLike | (() => ModelLike); schema?: string },
  columns: readonly string[] | null,
  where: string,
): { table: { schema: string; name: string }; columns: string[] } {
  if (typeof target === 'function' || (target as ModelLike).kind === 'model') {
    const m = resolveModel(target as ModelLike);
    const cols = columns ? columns.map((c) => resolveColumn(m, c)) : primaryKeyColumns(m);
    if (cols.length === 0) throw new ModelError('INVALID_REFERENCE', `${m.name} has no primary key`, where);
    return { table: { schema: m.schema, name: m.name }, columns: cols };
  }
  const t = target as { table: string | ModelLike | (() => ModelLike); schema?: string };
  if (typeof t.table !== 'string') return referenceTarget(t.table, columns, where);
  if (!columns) throw new ModelError('INVALID_REFERENCE', 'a table given by name needs its columns', where);
  return { table: { schema: t.schema ?? 'public', name: t.table }, columns: [...columns] };
}

function keyColumnNames(names: readonly string[]): string[] {
  // ChooseIndexColumnNames: a name that repeats gets a number, `expr`, `expr1`, ...
  const out: string[] = [];
  for (const n of names) {
    let candidate = n;
    for (let i = 1; out.includes(candidate); i++) candidate = `${n}${i}`;
    out.push(candidate);
  }
  return out;
}

function tableOf(model: ModelLike, ns: Namespace): { table: Table; indexes: Index[] } {
  const tableName = model.name;
  const where = `${model.schema}.${model.name}`;
  const entries = Object.entries(model.fields);
  // Identity sequences are named first, as PostgreSQL does while transforming CREATE TABLE.
  const pkColumns = new Set(primaryKeyColumns(model));
  // PostgreSQL makes every primary key column NOT NULL, however it was declared.
  const columns = entries
    .map(([p, f]) => columnOf(model, p, f, ns))
    .map((c) => (pkColumns.has(c.name) && !c.notNull ? columnNode({ ...c, notNull: true }) : c));
  const colNames = columns.map((c) => c.name);
  const dup = colNames.find((n, i) => colNames.indexOf(n) !== i);
  if (dup !== undefined) throw new ModelError('DUPLICATE_COLUMN', `column "${dup}" appears twice`, where);
  const col = (p: string) => resolveColumn(model, p);
  const given = (name: string | null | undefined, what: string) => {
    if (name === null || name === undefined) return null;
    checkName(name, what);
    return name;
  };
  const constraints: Constraint[] = [];

  const checks: { expression: string; name: string | null; noInherit: boolean }[] = [];
  for (const [, f] of entries) for (const ch of f.config.checks) checks.push({ ...ch, noInherit: false });
  for (const ch of model.options.checks ?? []) {
    if (typeof ch === 'string' || (ch as { kind?: string }).kind === 'sql') {
      checks.push({ expression: sqlText(ch as string), name: null, noInherit: false });
    } else {
      const o = ch as { expression: string; name?: string; noInherit?: boolean };
      checks.push({
        expression: sqlText(o.expression),
        name: o.name ?? null,
        noInherit: o.noInherit ?? false,
      });
    }
  }
  for (const ch of checks) {
    const name =
      given(ch.name, 'constraint') ??
      chooseName(tableName, singleColumnOf(ch.expression, colNames), 'check', ns.constraints);
    ns.constraints.add(name);
    constraints.push({
      kind: 'check',
      ...constraintBase(name),
      expression: parenthesize(ch.expression),
      noInherit: ch.noInherit,
    });
  }

  const pk = primaryKeyColumns(model);
  if (pk.length > 0) {
    const option = model.options.primaryKey;
    const explicit = option && !Array.isArray(option) ? (option as { name?: string }).name : undefined;
    const name = given(explicit, 'constraint') ?? chooseName(tableName, null, 'pkey', union(ns));
    claim(ns, name);
    constraints.push({ kind: 'primaryKey', ...constraintBase(name), columns: pk, include: [] });
  }

  const uniques: { columns: string[]; name: string | null; nullsNotDistinct: boolean; include: string[] }[] =
    [];
  for (const [p, f] of entries) {
    const u = f.config.unique;
    if (u)
      uniques.push({ columns: [col(p)], name: u.name, nullsNotDistinct: u.nullsNotDistinct, include: [] });
  }
  for (const u of model.options.uniques ?? []) {
    const o = Array.isArray(u)
      ? { columns: u as readonly string[] }
      : (u as {
          columns: readonly string[];
          name?: string;
          nullsNotDistinct?: boolean;
          include?: readonly string[];
        });
    uniques.push({
      columns: o.columns.map(col),
      name: o.name ?? null,
      nullsNotDistinct: o.nullsNotDistinct ?? false,
      include: (o.include ?? []).map(col),
    });
  }
  for (const u of uniques) {
    const name =
      given(u.name, 'constraint') ??
      chooseName(tableName, nameAddition([...u.columns, ...u.include]), 'key', union(ns));
    claim(ns, name);
    constraints.push({
      kind: 'unique',
      ...constraintBase(name),
      columns: u.columns,
      include: u.include,
      nullsNotDistinct: u.nullsNotDistinct,
    });
  }

  const fks: { columns: string[]; target: ReturnType<typeof referenceTarget>; o: Record<string, unknown> }[] =
    [];
  for (const [p, f] of entries) {
    const r = f.config.references;
    if (!r) continue;
    const target = referenceTarget(
      r.target as ModelLike,
      'column' in r.target ? [r.target.column] : null,
      `${where}.${col(p)}`,
    );
    if (target.columns.length !== 1) {
      throw new ModelError(
        'INVALID_REFERENCE',
        'a field references one column; use foreignKeys for several',
        `${where}.${col(p)}`,
      );
    }
    fks.push({ columns: [col(p)], target, o: { ...r.options } });
  }
  for (const fk of model.options.foreignKeys ?? []) {
    const ref = fk.references;
    const cols = typeof ref === 'object' && 'columns' in ref ? ref.columns : null;
    fks.push({ columns: fk.columns.map(col), target: referenceTarget(ref, cols, where), o: { ...fk } });
  }
  for (const fk of fks) {
    const name =
      given(fk.o.name as string | undefined, 'constraint') ??
      chooseName(tableName, nameAddition(fk.columns), 'fkey', ns.constraints);
    ns.constraints.add(name);
    constraints.push({
      kind: 'foreignKey',
      ...constraintBase(name),
      deferrable: (fk.o.deferrable as boolean | undefined) ?? false,
      initiallyDeferred: (fk.o.initiallyDeferred as boolean | undefined) ?? false,
      columns: fk.columns,
      references: fk.target,
      match: (fk.o.match as 'SIMPLE' | 'FULL' | undefined) ?? 'SIMPLE',
      onDelete: (fk.o.onDelete as Constraint extends never ? never : 'NO ACTION' | undefined) ?? 'NO ACTION',
      onUpdate: (fk.o.onUpdate as 'NO ACTION' | undefined) ?? 'NO ACTION',
      onDeleteColumns: null,
    } as Constraint);
  }

  const indexes: Index[] = [];
  const addIndex = (
    keys: readonly IndexKeyOption[],
    o: {
      name?: string | null;
      unique?: boolean;
      method?: string;
      where?: string | { text: string };
      include?: readonly string[];
      nullsNotDistinct?: boolean;
      with?: Readonly<Record<string, string>>;
      comment?: string;
    },
  ) => {
    const keyNodes = keys.map((k) => {
      const spec = typeof k === 'string' ? { column: k } : k;
      const descending = spec.desc ?? false;
      const base = {
        collation: null,
        opclass: spec.opclass ? { schema: spec.opclassSchema ?? 'pg_catalog', name: spec.opclass } : null,
        descending,
        nullsFirst: spec.nullsFirst ?? descending,
      };
      if (spec.expression !== undefined)
        return { ...base, column: null, expression: sqlText(spec.expression) };
      if (spec.column === undefined)
        throw new ModelError('INVALID_FIELD', 'an index key needs a column or an expression', where);
      return { ...base, column: col(spec.column), expression: null };
    });
    const include = (o.include ?? []).map(col);
    const name =
      given(o.name, 'index') ??
      chooseName(
        tableName,
        nameAddition(
          keyColumnNames([
            ...keyNodes.map((k) => k.column ?? expressionColumnName(k.expression!)),
            ...include,
          ]),
        ),
        'idx',
        ns.relations,
      );
    if (ns.relations.has(name) && o.name)
      throw new ModelError('DUPLICATE_OBJECT', `index name "${name}" is taken`, where);
    ns.relations.add(name);
    indexes.push(
      indexNode({
        schema: model.schema,
        name,
        table: tableName,
        unique: o.unique ?? false,
        method: o.method ?? 'btree',
        keys: keyNodes as never,
        include,
        where: o.where === undefined ? null : sqlText(o.where as string).trim(),
        nullsNotDistinct: o.nullsNotDistinct ?? false,
        options: { ...(o.with ?? {}) },
        comment: o.comment ?? null,
      }),
    );
  };
  for (const [p, f] of entries) {
    const ix = f.config.index;
    if (ix) addIndex([p], { name: ix.name, unique: ix.unique, method: ix.method });
  }
  for (const ix of model.options.indexes ?? []) addIndex(ix.columns, ix as never);

  return {
    table: tableNode({
      schema: model.schema,
      name: tableName,
      columns,
      constraints,
      comment: model.options.comment ?? null,
    }),
    indexes,
  };
}

function union(ns: Namespace): Set<string> {
  return new Set([...ns.relations, ...ns.constraints]);
}

function claim(ns: Namespace, name: string): void {
  if (ns.relations.has(name) || ns.constraints.has(name)) {
    throw new ModelError('DUPLICATE_OBJECT', `relation or constraint name "${name}" is taken`, name);
  }
  ns.relations.add(name);
  ns.constraints.add(name);
}

function enumNode(e: EnumDef): EnumType {
  return { schema: e.schema, name: e.name, values: [...e.values], comment: e.comment };
}

/**
 * The snapshot of models and enums: exactly what introspection reads once that schema is created
 * (for SQL written by the user, after `canonicalizeSnapshot`). Enums used by fields are included
 * even when not passed. Constraint, index and sequence names are PostgreSQL's defaults unless given.
 *
 * @example
 * const desired = modelsToSnapshot(UserStatus, PgUser, PgPost);
 */
export function modelsToSnapshot(...items: readonly (ModelLike | EnumDef)[]): Snapshot {
  const models = new Map<string, ModelLike>();
  const enums = new Map<string, EnumDef>();
  const addEnum = (e: EnumDef) => {
    const key = `${e.schema}\u0000${e.name}`;
    const seen = enums.get(key);
    if (seen && seen !== e && JSON.stringify(seen) !== JSON.stringify(e)) {
      throw new ModelError('DUPLICATE_OBJECT', 'two different enums with one name', `${e.schema}.${e.name}`);
    }
    enums.set(key, e);
  };
  for (const item of items) {
    if (item.kind === 'enum') addEnum(item);
    else {
      const key = `${item.schema}\u0000${item.name}`;
      if (models.has(key) && models.get(key) !== item) {
        throw new ModelError('DUPLICATE_OBJECT', 'two models for one table', `${item.schema}.${item.name}`);
      }
      models.set(key, item);
      for (const f of Object.values(item.fields)) if (f.config.enum) addEnum(f.config.enum);
    }
  }
  const namespaces = new Map<string, Namespace>();
  const nsOf = (schema: string): Namespace => {
    let ns = namespaces.get(schema);
    if (!ns) {
      ns = { relations: new Set(), constraints: new Set() };
      namespaces.set(schema, ns);
    }
    return ns;
  };
  for (const m of models.values()) nsOf(m.schema).relations.add(m.name);
  const tables: Table[] = [];
  const indexes: Index[] = [];
  for (const m of models.values()) {
    const t = tableOf(m, nsOf(m.schema));
    tables.push(t.table);
    indexes.push(...t.indexes);
  }
  const schemaNames = new Set([
    ...[...models.values()].map((m) => m.schema),
    ...[...enums.values()].map((e) => e.schema),
  ]);
  const schemas: SchemaDef[] = [...schemaNames]
    .filter((s) => s !== 'public')
    .map((name) => ({ name, comment: null }));
  const enumNodes = [...enums.values()].map(enumNode);
  for (const e of enumNodes) checkNoNul(e, `${e.schema}.${e.name}`);
  for (const t of tables) checkNoNul(t, `${t.schema}.${t.name}`);
  for (const i of indexes) checkNoNul(i, `${i.schema}.${i.name}`);
  return snapshot({ schemas, enums: enumNodes, tables, indexes });
}
