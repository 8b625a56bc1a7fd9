import {
  type Column,
  type Constraint,
  defaultSequenceOptions,
  type EnumType,
  type Index,
  type Snapshot,
  type Table,
  type TypeRef,
} from '@justscale/schema';
import { makeObjectName, toColumnName, toPropertyName } from './naming.js';
import { valueDefault } from './pull-defaults.js';

export interface PullOptions {
  /** The module the generated file imports from; default `@justscale/models`. */
  readonly importFrom?: string;
}

const str = (s: string): string =>
  `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n').replaceAll('\r', '\\r')}'`;
const sqlTemplate = (s: string): string =>
  `sql\`${s.replaceAll('\\', '\\\\').replaceAll('`', '\\`').replaceAll('${', '\\${')}\``;
const key = (s: string): string => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s) ? s : str(s));
const list = (items: readonly string[]): string => `[${items.map(str).join(', ')}]`;

function variableName(name: string, taken: Set<string>): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let base = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('') || 'Model';
  if (/^\d/.test(base)) base = `T${base}`;
  let candidate = base;
  for (let i = 2; taken.has(candidate); i++) candidate = `${base}${i}`;
  taken.add(candidate);
  return candidate;
}

const SIMPLE: Record<string, string> = {
  uuid: 'uuid',
  text: 'text',
  integer: 'integer',
  bigint: 'bigint',
  smallint: 'smallint',
  real: 'real',
  'double precision': 'double',
  boolean: 'boolean',
  date: 'date',
  json: 'json',
  jsonb: 'jsonb',
  bytea: 'bytea',
  inet: 'inet',
  cidr: 'cidr',
};

function builderOf(t: TypeRef, enumVars: ReadonlyMap<string, string>): string {
  let b: string;
  const enumVar = enumVars.get(`${t.schema}\u0000${t.name}`);
  if (t.schema !== 'pg_catalog') {
    if (enumVar && t.modifiers === null) b = `field.enum(${enumVar})`;
    else {
      const opts = [`schema: ${str(t.schema)}`, ...(t.modifiers ? [`modifiers: ${str(t.modifiers)}`] : [])];
      b = `field.custom(${str(t.name)}, { ${opts.join(', ')} })`;
    }
  } else {
    const n = t.name;
    const varchar = /^character varying(?:\((\d+)\))?$/.exec(n);
    const numeric = /^numeric(?:\((\d+),(\d+)\))?$/.exec(n);
    const time = /^(time|timestamp)(?:\((\d)\))? (with|without) time zone$/.exec(n);
    const interval = /^interval(?:\((\d)\))?$/.exec(n);
    if (SIMPLE[n]) b = `field.${SIMPLE[n]}()`;
    else if (varchar) b = varchar[1] ? `field.string().max(${varchar[1]})` : 'field.string()';
    else if (numeric) b = numeric[1] ? `field.decimal(${numeric[1]}, ${numeric[2]})` : 'field.decimal()';
    else if (time) {
      const opts: string[] = [];
      const tz = time[3] === 'with';
      if (tz !== (time[1] === 'timestamp')) opts.push(`withTimezone: ${tz}`);
      if (time[2]) opts.push(`precision: ${time[2]}`);
      b = `field.${time[1]}(${opts.length ? `{ ${opts.join(', ')} }` : ''})`;
    } else if (interval)
      b = interval[1] ? `field.interval({ precision: ${interval[1]} })` : 'field.interval()';
    else b = `field.custom(${str(n)})`;
  }
  return t.array ? `${b}.array()` : b;
}

interface Emitted {
  readonly code: string;
  readonly notes: string[];
}

function modelOf(
  t: Table,
  indexes: readonly Index[],
  varName: string,
  enumVars: ReadonlyMap<string, string>,
  enums: readonly EnumType[],
): Emitted {
  const notes: string[] = [];
  const where = `${t.schema}.${t.name}`;
  const prop = new Map<string, string>();
  const taken = new Set<string>();
  for (const c of t.columns) {
    let p = toPropertyName(c.name) ?? c.name;
    if (taken.has(p)) p = c.name;
    taken.add(p);
    prop.set(c.name, p);
  }
  const props = (cols: readonly string[]) => `[${cols.map((c) => str(prop.get(c) ?? c)).join(', ')}]`;
  const pk = t.constraints.find((k) => k.kind === 'primaryKey');
  const fieldPk =
    pk?.kind === 'primaryKey' &&
    pk.columns.length === 1 &&
    pk.include.length === 0 &&
    !pk.deferrable &&
    pk.comment === null
      ? pk.name === makeObjectName(t.name, null, 'pkey')
        ? pk.columns[0]!
        : null
      : null;
  const fieldUniques = new Map<string, Constraint & { kind: 'unique' }>();
  for (const k of t.constraints) {
    if (
      k.kind === 'unique' &&
      k.columns.length === 1 &&
      k.include.length === 0 &&
      !k.deferrable &&
      k.comment === null &&
      k.name === makeObjectName(t.name, k.columns[0]!, 'key') &&
      !fieldUniques.has(k.columns[0]!)
    ) {
      fieldUniques.set(k.columns[0]!, k);
    }
  }
  const fields = t.columns.map(
    (c) => `  ${key(prop.get(c.name)!)}: ${columnOf(t, c, fieldPk, fieldUniques, enumVars, notes, enums)},`,
  );
  const options: string[] = [];
  if (t.schema !== 'public') options.push(`schema: ${str(t.schema)}`);
  if (pk && pk.kind === 'primaryKey' && fieldPk === null) {
    options.push(`primaryKey: { columns: ${props(pk.columns)}, name: ${str(pk.name)} }`);
    if (pk.include.length || pk.deferrable) notes.push(`primary key ${pk.name}: INCLUDE / DEFERRABLE`);
  }
  const uniques: string[] = [];
  const checks: string[] = [];
  const fks: string[] = [];
  for (const k of t.constraints) {
    if (k.comment !== null) notes.push(`comment on constraint ${k.name}`);
    if (k.kind === 'unique' && fieldUniques.get(k.columns[0]!) !== k) {
      const o = [`columns: ${props(k.columns)}`, `name: ${str(k.name)}`];
      if (k.include.length) o.push(`include: ${props(k.include)}`);
      if (k.nullsNotDistinct) o.push('nullsNotDistinct: true');
      if (k.deferrable) notes.push(`unique ${k.name}: DEFERRABLE`);
      uniques.push(`{ ${o.join(', ')} }`);
    } else if (k.kind === 'check') {
      const o = [`expression: ${sqlTemplate(k.expression)}`, `name: ${str(k.name)}`];
      if (k.noInherit) o.push('noInherit: true');
      checks.push(`{ ${o.join(', ')} }`);
    } else if (k.kind === 'foreignKey') {
      const ref = [`table: ${str(k.references.table.name)}`];
      if (k.references.table.schema !== 'public') ref.push(`schema: ${str(k.references.table.schema)}`);
      ref.push(`columns: ${list(k.references.columns)}`);
      const o = [`columns: ${props(k.columns)}`, `references: { ${ref.join(', ')} }`, `name: ${str(k.name)}`];
      if (k.onDelete !== 'NO ACTION') o.push(`onDelete: ${str(k.onDelete)}`);
      if (k.onUpdate !== 'NO ACTION') o.push(`onUpdate: ${str(k.onUpdate)}`);
      if (k.match === 'FULL') o.push(`match: 'FULL'`);
      if (k.match === 'PARTIAL') notes.push(`foreign key ${k.name}: MATCH PARTIAL`);
      if (k.deferrable) o.push('deferrable: true');
      if (k.initiallyDeferred) o.push('initiallyDeferred: true');
      if (k.onDeleteColumns !== null)
        notes.push(`foreign key ${k.name}: ON DELETE ... (${k.onDeleteColumns.join(', ')})`);
      fks.push(`{ ${o.join(', ')} }`);
    } else if (k.kind === 'exclusion') {
      notes.push(`exclusion constraint ${k.name}: ${k.definition}`);
    }
  }
  const ix = indexes.map((i) => {
    const keys = i.keys.map((k) => {
      if (k.collation) notes.push(`index ${i.name}: key collation ${k.collation.schema}.${k.collation.name}`);
      const o: string[] = [];
      if (k.expression !== null) o.push(`expression: ${sqlTemplate(k.expression)}`);
      else o.push(`column: ${str(prop.get(k.column!) ?? k.column!)}`);
      if (k.descending) o.push('desc: true');
      if (k.nullsFirst !== k.descending) o.push(`nullsFirst: ${k.nullsFirst}`);
      if (k.opclass) {
        o.push(`opclass: ${str(k.opclass.name)}`);
        if (k.opclass.schema !== 'pg_catalog') o.push(`opclassSchema: ${str(k.opclass.schema)}`);
      }
      return o.length === 1 && k.column !== null
        ? str(prop.get(k.column) ?? k.column)
        : `{ ${o.join(', ')} }`;
    });
    const o = [`columns: [${keys.join(', ')}]`, `name: ${str(i.name)}`];
    if (i.unique) o.push('unique: true');
    if (i.method !== 'btree') o.push(`method: ${str(i.method)}`);
    if (i.where !== null) o.push(`where: ${sqlTemplate(i.where)}`);
    if (i.include.length) o.push(`include: ${props(i.include)}`);
    if (i.nullsNotDistinct) o.push('nullsNotDistinct: true');
    if (Object.keys(i.options).length)
      o.push(
        `with: { ${Object.entries(i.options)
          .map(([k, v]) => `${key(k)}: ${str(v)}`)
          .join(', ')} }`,
      );
    if (i.comment !== null) o.push(`comment: ${str(i.comment)}`);
    return `{ ${o.join(', ')} }`;
  });
  const block = (name: string, items: string[]) => {
    if (items.length) options.push(`${name}: [\n    ${items.join(',\n    ')},\n  ]`);
  };
  block('uniques', uniques);
  block('checks', checks);
  block('foreignKeys', fks);
  block('indexes', ix);
  if (t.comment !== null) options.push(`comment: ${str(t.comment)}`);
  if (t.policies.length) notes.push(`policies: ${t.policies.map((p) => p.name).join(', ')}`);
  if (t.rowSecurity || t.forceRowSecurity) notes.push('row level security');
  if (t.unlogged) notes.push('UNLOGGED');
  if (t.partitionBy) notes.push(`PARTITION BY ${t.partitionBy}`);
  if (t.partitionOf)
    notes.push(
      `PARTITION OF ${t.partitionOf.parent.schema}.${t.partitionOf.parent.name} ${t.partitionOf.bound}`,
    );
  if (t.inherits.length) notes.push(`INHERITS ${t.inherits.map((p) => `${p.schema}.${p.name}`).join(', ')}`);
  if (Object.keys(t.options).length)
    notes.push(
      `WITH (${Object.entries(t.options)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')})`,
    );
  const head = notes
    .map((n) => `// Not expressed by this model (${where}): ${n.replaceAll('\n', ' ')}\n`)
    .join('');
  const opts = options.length ? `, {\n  ${options.join(',\n  ')},\n}` : '';
  return {
    code: `${head}export const ${varName} = defineModel(${str(t.name)}, {\n${fields.join('\n')}\n}${opts});\n`,
    notes,
  };
}

function columnOf(
  t: Table,
  c: Column,
  fieldPk: string | null,
  fieldUniques: ReadonlyMap<string, Constraint & { kind: 'unique' }>,
  enumVars: ReadonlyMap<string, string>,
  notes: string[],
  enums: readonly EnumType[],
): string {
  let b = builderOf(c.type, enumVars);
  const isPk = fieldPk === c.name;
  if (isPk) b += '.primaryKey()';
  const u = fieldUniques.get(c.name);
  if (u) b += u.nullsNotDistinct ? '.unique({ nullsNotDistinct: true })' : '.unique()';
  if (!c.notNull && !isPk && c.identity === null) b += '.optional()';
  const uuidPk = isPk && c.type.schema === 'pg_catalog' && c.type.name === 'uuid' && !c.type.array;
  if (c.default !== null && !(uuidPk && c.default === 'gen_random_uuid()')) {
    b += `.default(${valueDefault(c, enums) ?? sqlTemplate(c.default)})`;
  }
  if (c.default === null && uuidPk && c.identity === null && c.generated === null) b += '.default(null)';
  if (c.generated !== null) b += `.generated(${sqlTemplate(c.generated)})`;
  if (c.identity) {
    const s = c.identity.sequence;
    const base = defaultSequenceOptions(s.type);
    const o: string[] = [];
    if (c.identity.generation === 'ALWAYS') o.push('always: true');
    const descending = s.increment.startsWith('-');
    const minDefault = descending
      ? { smallint: '-32768', integer: '-2147483648', bigint: '-9223372036854775808' }[s.type]
      : base.minValue;
    const maxDefault = descending ? '-1' : base.maxValue;
    if (s.increment !== base.increment) o.push(`increment: ${str(s.increment)}`);
    if (s.minValue !== minDefault) o.push(`minValue: ${str(s.minValue)}`);
    if (s.maxValue !== maxDefault) o.push(`maxValue: ${str(s.maxValue)}`);
    if (s.start !== (descending ? s.maxValue : s.minValue)) o.push(`start: ${str(s.start)}`);
    if (s.cache !== base.cache) o.push(`cache: ${str(s.cache)}`);
    if (s.cycle) o.push('cycle: true');
    if (s.name !== makeObjectName(t.name, c.name, 'seq')) o.push(`sequenceName: ${str(s.name)}`);
    b += `.identity(${o.length ? `{ ${o.join(', ')} }` : ''})`;
    const typeName = c.type.schema === 'pg_catalog' ? c.type.name : '';
    if (typeName !== s.type)
      notes.push(`identity ${c.name}: sequence type ${s.type} differs from the column's`);
  }
  if (c.collation) {
    if (c.collation.schema === 'pg_catalog') b += `.collate(${str(c.collation.name)})`;
    else notes.push(`column ${c.name}: COLLATE ${c.collation.schema}.${c.collation.name}`);
  }
  if (c.comment !== null) b += `.comment(${str(c.comment)})`;
  const prop = toPropertyName(c.name) ?? c.name;
  if (toColumnName(prop) !== c.name) b += `.column(${str(c.name)})`;
  return b;
}

/**
 * TypeScript source of models for a snapshot (for `pull`). Evaluated, the models give back the
 * snapshot's enums, tables and indexes through `modelsToSnapshot`; whatever models cannot express
 * (views, functions, triggers, policies, partitions, ...) is listed in comments, never dropped
 * silently. Constraints and indexes keep their names; SQL pieces are written as `sql\`...\``.
 *
 * @example
 * await writeFile('models.ts', snapshotToModelsSource(await introspect(driver)));
 */
export function snapshotToModelsSource(snapshot: Snapshot, options: PullOptions = {}): string {
  const taken = new Set(['field', 'sql', 'defineModel', 'defineEnum']);
  const enumVars = new Map<string, string>();
  const out: string[] = [
    '// Generated by JustScale Postgres (pull) from the database schema.',
    `import { defineEnum, defineModel, field, sql } from ${str(options.importFrom ?? '@justscale/models')};`,
    '',
  ];
  const unsupported: string[] = [];
  const listOf = (what: string, names: readonly string[]) => {
    for (const n of names) unsupported.push(`${what} ${n}`);
  };
  listOf(
    'schema comment',
    snapshot.schemas
      .filter((s) => s.comment !== null && s.name !== 'public')
      .map((s) => `${s.name}: ${s.comment}`),
  );
  listOf(
    'extension',
    snapshot.extensions.map((e) => `${e.name} (schema ${e.schema})`),
  );
  listOf(
    'domain',
    snapshot.domains.map((d) => `${d.schema}.${d.name}`),
  );
  listOf(
    'composite type',
    snapshot.compositeTypes.map((d) => `${d.schema}.${d.name}`),
  );
  listOf(
    'sequence',
    snapshot.sequences.map((d) => `${d.schema}.${d.name}`),
  );
  listOf(
    'view',
    snapshot.views.map((d) => `${d.schema}.${d.name}${d.materialized ? ' (materialized)' : ''}`),
  );
  listOf(
    'function',
    snapshot.functions.map((d) => `${d.schema}.${d.name}(${d.identityArguments})`),
  );
  listOf(
    'trigger',
    snapshot.triggers.map((d) => `${d.name} on ${d.schema}.${d.table}`),
  );
  listOf(
    'collation',
    (snapshot.collations ?? []).map((d) => `${d.schema}.${d.name}`),
  );
  listOf(
    'rule',
    (snapshot.rules ?? []).map((d) => `${d.name} on ${d.schema}.${d.table}`),
  );
  listOf(
    'grant',
    snapshot.grants.map(
      (g) =>
        `${g.privileges.join(', ')} on ${g.objectKind} ${g.object.schema}.${g.object.name} to ${g.grantee}`,
    ),
  );
  for (const u of unsupported) out.push(`// Not expressed by models: ${u.replaceAll('\n', ' ')}`);
  if (unsupported.length) out.push('');
  for (const e of snapshot.enums) {
    const v = variableName(e.name, taken);
    enumVars.set(`${e.schema}\u0000${e.name}`, v);
    const o: string[] = [];
    if (e.schema !== 'public') o.push(`schema: ${str(e.schema)}`);
    if (e.comment !== null) o.push(`comment: ${str(e.comment)}`);
    out.push(
      `export const ${v} = defineEnum(${str(e.name)}, ${list(e.values)}${o.length ? `, { ${o.join(', ')} }` : ''});`,
    );
  }
  if (snapshot.enums.length) out.push('');
  for (const t of snapshot.tables) {
    const ix = snapshot.indexes.filter((i) => i.schema === t.schema && i.table === t.name);
    out.push(modelOf(t, ix, variableName(t.name, taken), enumVars, snapshot.enums).code);
  }
  const orphan = snapshot.indexes.filter(
    (i) => !snapshot.tables.some((t) => t.schema === i.schema && t.name === i.table),
  );
  for (const i of orphan)
    out.push(`// Not expressed by models: index ${i.schema}.${i.name} on ${i.table} (not a table)`);
  return `${out.join('\n').trimEnd()}\n`;
}
