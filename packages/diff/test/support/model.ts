import fc from 'fast-check';

/**
 * A small random schema model for the property test, rendered to SQL and built on a real database
 * (so the snapshots carry PostgreSQL's own spellings). B is a mutation of A, so that columns keep
 * their relative order (PostgreSQL cannot reorder them: new ones are appended).
 */
export interface ColumnModel {
  readonly name: string;
  readonly type: string;
  readonly notNull: boolean;
  readonly withDefault: boolean;
  readonly comment: string | null;
}
export interface TableModel {
  readonly name: string;
  readonly columns: readonly ColumnModel[];
  readonly check: number | null;
  readonly uniqueOn: string | null;
  readonly refs: readonly string[];
  readonly indexes: readonly { readonly column: string; readonly unique: boolean }[];
  readonly view: readonly string[] | null;
  readonly comment: string | null;
}
export interface SchemaModel {
  readonly enums: readonly { readonly name: string; readonly values: readonly string[] }[];
  readonly tables: readonly TableModel[];
  /** A free sequence `counter` with this increment, or none. */
  readonly sequence: number | null;
  /** A domain `posint` over integer with `CHECK (VALUE > n)`, or none. */
  readonly domain: number | null;
}

const GROUPS = [
  ['integer', 'bigint', 'numeric(10,2)'],
  ['text', 'character varying(20)'],
  ['boolean'],
  ['timestamp with time zone'],
  ['jsonb'],
];
const TYPES = GROUPS.flat();
const TABLES = ['alpha', 'beta', 'gamma', 'delta'];
const COLUMNS = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];
const ENUMS = ['color', 'size'];
const VALUES = ['red', 'green', 'blue', 'small', 'large'];

const q = (s: string): string => `'${s.replaceAll("'", "''")}'`;

const column = (name: string, enums: readonly string[]): fc.Arbitrary<ColumnModel> =>
  fc.record({
    name: fc.constant(name),
    type: fc.constantFrom(...TYPES, ...enums),
    notNull: fc.boolean(),
    withDefault: fc.boolean(),
    comment: fc.option(fc.constantFrom('note', "it's"), { nil: null }),
  });

function table(name: string, enums: readonly string[], others: readonly string[]): fc.Arbitrary<TableModel> {
  return fc.subarray(COLUMNS, { minLength: 1 }).chain((cols) =>
    fc.record({
      name: fc.constant(name),
      columns: fc.tuple(...cols.map((c) => column(c, enums))),
      check: fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }),
      uniqueOn: fc.option(fc.constantFrom(...cols), { nil: null }),
      refs: fc.subarray(
        others.filter((o) => o !== name),
        { maxLength: Math.min(2, others.length - 1) },
      ),
      indexes: fc.uniqueArray(fc.record({ column: fc.constantFrom(...cols), unique: fc.boolean() }), {
        maxLength: 2,
        selector: (i) => i.column,
      }),
      view: fc.option(fc.subarray(cols, { minLength: 1 }), { nil: null }),
      comment: fc.option(fc.constantFrom('a table', 'other'), { nil: null }),
    }),
  );
}

/** A random schema. */
export const schemaModel: fc.Arbitrary<SchemaModel> = fc
  .record({
    enums: fc.subarray(ENUMS).chain((names) =>
      fc.tuple(
        ...names.map((n) =>
          fc.record({
            name: fc.constant(n),
            values: fc.uniqueArray(fc.constantFrom(...VALUES), { minLength: 1, maxLength: 4 }),
          }),
        ),
      ),
    ),
    tableNames: fc.subarray(TABLES, { minLength: 1 }),
  })
  .chain(({ enums, tableNames }) =>
    fc.record({
      sequence: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
      domain: fc.option(fc.integer({ min: -3, max: 3 }), { nil: null }),
      enums: fc.constant(enums),
      tables: fc.tuple(
        ...tableNames.map((n) =>
          table(
            n,
            enums.map((e) => e.name),
            tableNames,
          ),
        ),
      ),
    }),
  );

/** A mutation of `a`: tables dropped and added, columns dropped, changed and appended, enums changed. */
export function mutate(a: SchemaModel): fc.Arbitrary<SchemaModel> {
  const enumArb = fc.tuple(
    ...a.enums.map((e) =>
      fc.oneof(
        fc.constant(e),
        fc.constant({
          ...e,
          values: [...e.values, ...VALUES.filter((v) => !e.values.includes(v)).slice(0, 1)],
        }),
        fc.constant({ ...e, values: e.values.length > 1 ? e.values.slice(1) : e.values }),
        fc.constant({ ...e, values: [...e.values].reverse() }),
      ),
    ),
  );
  return enumArb.chain((enums) => {
    const enumNames = enums.map((e) => e.name);
    const fresh = TABLES.filter((t) => !a.tables.some((x) => x.name === t));
    return fc
      .record({
        keep: fc
          .tuple(...a.tables.map(() => fc.boolean()))
          .map((flags) => (flags.some(Boolean) ? flags : flags.map(() => true))),
        added: fc.subarray(fresh, { maxLength: Math.min(1, fresh.length) }),
      })
      .chain(({ keep, added }) => {
        const kept = a.tables.filter((_, i) => keep[i]);
        const names = [...kept.map((t) => t.name), ...added];
        const tables = [
          ...kept.map((t) => mutateTable(t, enumNames, names)),
          ...added.map((n) => table(n, enumNames, names)),
        ];
        return fc
          .record({
            ts: fc.tuple(...tables),
            sequence: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
            domain: fc.option(fc.integer({ min: -3, max: 3 }), { nil: null }),
          })
          .map(({ ts, sequence, domain }) => ({ enums, tables: ts, sequence, domain }));
      });
  });
}

function mutateTable(
  t: TableModel,
  enums: readonly string[],
  names: readonly string[],
): fc.Arbitrary<TableModel> {
  const cols = t.columns.map((c) =>
    fc.oneof(
      fc.constant<ColumnModel | null>(c),
      fc.constant<ColumnModel | null>(null),
      fc.record({
        name: fc.constant(c.name),
        type: fc.constantFrom(...(GROUPS.find((g) => g.includes(c.type)) ?? [c.type]), 'text'),
        notNull: fc.boolean(),
        withDefault: fc.boolean(),
        comment: fc.option(fc.constantFrom('note', 'changed'), { nil: null }),
      }),
    ),
  );
  const unused = COLUMNS.filter((n) => !t.columns.some((c) => c.name === n));
  return fc
    .record({
      cols: fc.tuple(...cols),
      appended: fc
        .subarray(unused, { maxLength: Math.min(1, unused.length) })
        .chain((ns) => fc.tuple(...ns.map((n) => column(n, enums)))),
    })
    .chain(({ cols: kept, appended }) => {
      const live = [...kept.filter((c): c is ColumnModel => c !== null), ...appended];
      const columns = live.length > 0 ? live : [t.columns[0] as ColumnModel];
      const colNames = columns.map((c) => c.name);
      return fc.record({
        name: fc.constant(t.name),
        columns: fc.constant(columns),
        check: fc.oneof(fc.constant(t.check), fc.option(fc.integer({ min: -5, max: 5 }), { nil: null })),
        uniqueOn: fc.option(fc.constantFrom(...colNames), { nil: null }),
        refs: fc.constant(t.refs.filter((r) => names.includes(r))),
        indexes: fc.uniqueArray(fc.record({ column: fc.constantFrom(...colNames), unique: fc.boolean() }), {
          maxLength: 2,
          selector: (i) => i.column,
        }),
        view: fc
          .oneof(
            fc.constant(t.view === null ? null : t.view.filter((v) => colNames.includes(v))),
            fc.option(fc.subarray(colNames, { minLength: 1 }), { nil: null }),
          )
          .map((v) => (v === null || v.length === 0 ? null : v)),
        comment: fc.option(fc.constantFrom('a table', 'changed'), { nil: null }),
      });
    });
}

function defaultFor(type: string, enums: SchemaModel['enums']): string {
  const e = enums.find((x) => x.name === type);
  if (e !== undefined) return q(e.values[0] as string);
  switch (type) {
    case 'boolean':
      return 'true';
    case 'timestamp with time zone':
      return 'now()';
    case 'jsonb':
      return `'{}'`;
    case 'text':
    case 'character varying(20)':
      return q('x');
    default:
      return '1';
  }
}

/** The model as SQL. */
export function toSql(m: SchemaModel): string {
  const out: string[] = [];
  if (m.sequence !== null) out.push(`CREATE SEQUENCE "counter" INCREMENT BY ${m.sequence};`);
  if (m.domain !== null)
    out.push(`CREATE DOMAIN "posint" AS integer CONSTRAINT "posint_check" CHECK (VALUE > ${m.domain});`);
  for (const e of m.enums) out.push(`CREATE TYPE "${e.name}" AS ENUM (${e.values.map(q).join(', ')});`);
  for (const t of m.tables) {
    const cols = [
      '"id" integer PRIMARY KEY',
      // Reference columns come first: B never adds one, so appended columns stay last.
      ...t.refs.map((r) => `"ref_${r}" integer`),
      ...t.columns.map(
        (c) =>
          `"${c.name}" ${m.enums.some((e) => e.name === c.type) ? `"${c.type}"` : c.type}${c.notNull ? ' NOT NULL' : ''}${c.withDefault ? ` DEFAULT ${defaultFor(c.type, m.enums)}` : ''}`,
      ),
    ];
    if (t.check !== null) cols.push(`CONSTRAINT "${t.name}_id_check" CHECK (id > ${t.check})`);
    if (t.uniqueOn !== null) cols.push(`CONSTRAINT "${t.name}_${t.uniqueOn}_key" UNIQUE ("${t.uniqueOn}")`);
    out.push(`CREATE TABLE "${t.name}" (${cols.join(', ')});`);
    if (t.comment !== null) out.push(`COMMENT ON TABLE "${t.name}" IS ${q(t.comment)};`);
    for (const c of t.columns)
      if (c.comment !== null) out.push(`COMMENT ON COLUMN "${t.name}"."${c.name}" IS ${q(c.comment)};`);
    for (const i of t.indexes)
      out.push(
        `CREATE ${i.unique ? 'UNIQUE ' : ''}INDEX "${t.name}_${i.column}_idx" ON "${t.name}" ("${i.column}");`,
      );
  }
  for (const t of m.tables) {
    for (const r of t.refs)
      out.push(
        `ALTER TABLE "${t.name}" ADD CONSTRAINT "${t.name}_${r}_fkey" FOREIGN KEY ("ref_${r}") REFERENCES "${r}" (id) ON DELETE CASCADE;`,
      );
    if (t.view !== null)
      out.push(
        `CREATE VIEW "v_${t.name}" AS SELECT id, ${t.view.map((c) => `"${c}"`).join(', ')} FROM "${t.name}";`,
      );
  }
  return out.join('\n');
}
