import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  builtinType,
  column,
  defaultSequenceOptions,
  index,
  type Snapshot,
  snapshot,
  table,
  userType,
} from '@justscale/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { type EnumDef, type ModelLike, modelsToSnapshot, snapshotToModelsSource } from '../src/index.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** Writes the pulled source next to the package sources, imports it, and snapshots its exports. */
async function roundTrip(input: Snapshot): Promise<{ source: string; output: Snapshot }> {
  const dir = await mkdtemp(join(import.meta.dirname, '.pull-'));
  dirs.push(dir);
  const source = snapshotToModelsSource(input, { importFrom: '../../src/index.js' });
  const file = join(dir, 'models.ts');
  await writeFile(file, source);
  const mod = (await import(file)) as Record<string, ModelLike | EnumDef>;
  return { source, output: modelsToSnapshot(...Object.values(mod)) };
}

const expressible = (s: Snapshot) => ({ enums: s.enums, tables: s.tables, indexes: s.indexes });

const seq = (name: string, type: 'integer' | 'bigint' = 'integer') => ({
  ...defaultSequenceOptions(type),
  name,
});

const hostile = 'a"b';
const input = snapshot({
  schemas: [{ name: 'Other Schema', comment: null }],
  enums: [
    { schema: 'public', name: 'UserStatus', values: ['active', 'inactive', "it's"], comment: 'status' },
    { schema: 'Other Schema', name: 'select', values: ['x'], comment: null },
  ],
  tables: [
    table({
      schema: 'public',
      name: 'users',
      columns: [
        column({ name: 'id', type: builtinType('uuid'), notNull: true, default: 'gen_random_uuid()' }),
        column({ name: 'email', type: builtinType('character varying(255)'), notNull: true }),
        column({ name: 'display_name', type: builtinType('text') }),
        column({
          name: 'status',
          type: userType('public', 'UserStatus'),
          notNull: true,
          default: `'active'::public."UserStatus"`,
        }),
        column({ name: 'tags', type: builtinType('text', true), notNull: true, default: `'{}'::text[]` }),
        column({ name: 'price', type: builtinType('numeric(10,2)'), notNull: true, default: '0' }),
        column({ name: 'Mixed Case', type: builtinType('timestamp(3) without time zone') }),
        column({
          name: hostile,
          type: builtinType('time with time zone'),
          comment: "it's\nmultiline `x` $" + '{y}',
        }),
        column({ name: 'userID', type: builtinType('bigint') }),
        column({ name: 'ünïcödé', type: builtinType('tsvector') }),
        column({ name: 'vec', type: userType('public', 'vector', { modifiers: '(3)' }) }),
        column({ name: 'code', type: builtinType('text'), collation: { schema: 'pg_catalog', name: 'C' } }),
        column({ name: 'kind', type: userType('Other Schema', 'select', { array: true }) }),
        column({ name: 'total', type: builtinType('numeric'), generated: '(price * (2)::numeric)' }),
        column({
          name: 'created_at',
          type: builtinType('timestamp with time zone'),
          notNull: true,
          default: 'now()',
        }),
      ],
      constraints: [
        {
          kind: 'primaryKey',
          name: 'users_pkey',
          columns: ['id'],
          include: [],
          deferrable: false,
          initiallyDeferred: false,
          comment: null,
        },
        {
          kind: 'unique',
          name: 'users_email_key',
          columns: ['email'],
          include: [],
          nullsNotDistinct: false,
          deferrable: false,
          initiallyDeferred: false,
          comment: null,
        },
        {
          kind: 'unique',
          name: 'custom_unique',
          columns: ['display_name', 'status'],
          include: ['price'],
          nullsNotDistinct: true,
          deferrable: false,
          initiallyDeferred: false,
          comment: null,
        },
        {
          kind: 'check',
          name: 'users_price_check',
          expression: '(price > (0)::numeric)',
          noInherit: false,
          deferrable: false,
          initiallyDeferred: false,
          comment: null,
        },
      ],
      comment: 'the users',
    }),
    table({
      schema: 'Other Schema',
      name: 'Posts',
      columns: [
        column({
          name: 'id',
          type: builtinType('integer'),
          notNull: true,
          identity: { generation: 'ALWAYS', sequence: seq('Posts_id_seq') },
        }),
        column({
          name: 'n',
          type: builtinType('bigint'),
          notNull: true,
          identity: {
            generation: 'BY DEFAULT',
            sequence: {
              ...seq('custom_seq', 'bigint'),
              start: '100',
              increment: '5',
              cache: '10',
              cycle: true,
            },
          },
        }),
        column({ name: 'author_id', type: builtinType('uuid'), notNull: true }),
        column({ name: 'body', type: builtinType('jsonb'), default: `'{"a": 1}'::jsonb` }),
      ],
      constraints: [
        {
          kind: 'primaryKey',
          name: 'posts_pk',
          columns: ['id', 'n'],
          include: [],
          deferrable: false,
          initiallyDeferred: false,
          comment: null,
        },
        {
          kind: 'foreignKey',
          name: 'Posts_author_id_fkey',
          columns: ['author_id'],
          references: { table: { schema: 'public', name: 'users' }, columns: ['id'] },
          match: 'SIMPLE',
          onDelete: 'CASCADE',
          onUpdate: 'NO ACTION',
          onDeleteColumns: null,
          deferrable: true,
          initiallyDeferred: true,
          comment: null,
        },
      ],
    }),
  ],
  indexes: [
    index({
      schema: 'public',
      name: 'users_status_idx',
      table: 'users',
      keys: [{ column: 'status' }],
      where: `status = 'active'::public."UserStatus"`,
    }),
    index({
      schema: 'public',
      name: 'users_lower_idx',
      table: 'users',
      unique: true,
      keys: [
        { expression: 'lower(email::text)' },
        { column: 'created_at', descending: true, nullsFirst: false },
      ],
      include: ['price'],
    }),
    index({
      schema: 'public',
      name: 'users_tags_idx',
      table: 'users',
      method: 'gin',
      keys: [{ column: 'tags', opclass: { schema: 'pg_catalog', name: 'array_ops' } }],
      options: { fastupdate: 'off' },
      comment: 'gin',
    }),
  ],
});

/** The same schema with things models cannot express. */
const withExtras = snapshot({
  ...input,
  tables: input.tables.map((t) =>
    t.name === 'Posts'
      ? {
          ...t,
          constraints: [
            ...t.constraints,
            {
              kind: 'exclusion',
              name: 'no_overlap',
              definition: 'EXCLUDE USING gist (id WITH =)',
              deferrable: false,
              initiallyDeferred: false,
              comment: null,
            },
          ],
          policies: [
            {
              name: 'p',
              permissive: true,
              command: 'ALL',
              roles: ['public'],
              using: 'true',
              withCheck: null,
              comment: null,
            },
          ],
          rowSecurity: true,
        }
      : t,
  ),
  views: [
    {
      schema: 'public',
      name: 'v',
      materialized: false,
      definition: ' SELECT 1;',
      columns: [],
      checkOption: null,
      securityBarrier: false,
      securityInvoker: false,
      columnComments: {},
      comment: null,
    },
  ],
});

describe('snapshotToModelsSource', () => {
  it('writes models that give the snapshot back (round trip)', async () => {
    const { source, output } = await roundTrip(input);
    expect(expressible(output)).toEqual(expressible(input));
    expect(output.schemas).toEqual(input.schemas);
    expect(source).toContain('field.uuid().primaryKey()');
    expect(source).toContain('field.string().max(255).unique()');
    expect(source).toContain(`status: field.enum(UserStatus).default('active')`);
    expect(source).toContain(`tags: field.text().array().default([])`);
    expect(source).toContain(`price: field.decimal(10, 2).default(0)`);
    expect(source).toContain(`body: field.jsonb().optional().default({ a: 1 })`);
    expect(source).toContain('.default(sql`now()`)');
  });

  it('lists what models cannot express in comments, never silently', async () => {
    const { source, output } = await roundTrip(withExtras);
    expect(expressible(output)).toEqual(expressible(input));
    expect(source).toContain('// Not expressed by models: view public.v');
    expect(source).toContain('exclusion constraint no_overlap: EXCLUDE USING gist (id WITH =)');
    expect(source).toContain('policies: p');
    expect(source).toContain('row level security');
  });

  it('round-trips an empty snapshot and a uuid key without a default', async () => {
    const s = snapshot({
      tables: [
        table({
          schema: 'public',
          name: 'k',
          columns: [column({ name: 'id', type: builtinType('uuid'), notNull: true })],
          constraints: [
            {
              kind: 'primaryKey',
              name: 'k_pkey',
              columns: ['id'],
              include: [],
              deferrable: false,
              initiallyDeferred: false,
              comment: null,
            },
          ],
        }),
      ],
    });
    expect(expressible((await roundTrip(s)).output)).toEqual(expressible(s));
    expect(expressible((await roundTrip(snapshot({}))).output)).toEqual(expressible(snapshot({})));
  });
});
