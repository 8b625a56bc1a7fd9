import assert from 'node:assert/strict';
import type { ConformanceCheck } from './check.js';
import { withTable } from './check.js';

const hostileText = `it's "quoted" \\ back\\slash, {braces}, ünïcödé 🐘, NULL, tab\there\nnewline`;
const allBytes = Uint8Array.from({ length: 256 }, (_, i) => i);

interface Case {
  readonly type: string;
  readonly param: unknown;
  readonly expected: unknown;
}

// Each parameter goes in as JavaScript, comes back through a cast, and must equal `expected` exactly.
const cases: readonly Case[] = [
  { type: 'text', param: hostileText, expected: hostileText },
  { type: 'text', param: '', expected: '' },
  { type: 'int2', param: -32768, expected: -32768 },
  { type: 'int4', param: 2147483647, expected: 2147483647 },
  { type: 'int8', param: '9223372036854775807', expected: '9223372036854775807' },
  { type: 'int8', param: 9007199254740993n, expected: '9007199254740993' },
  { type: 'numeric', param: '12345678901234567890.123456789', expected: '12345678901234567890.123456789' },
  { type: 'numeric', param: 'NaN', expected: 'NaN' },
  { type: 'float8', param: 0.1, expected: 0.1 },
  { type: 'bool', param: true, expected: true },
  { type: 'bool', param: false, expected: false },
  { type: 'json', param: '{"a":[1,"x"],"b":null}', expected: { a: [1, 'x'], b: null } },
  { type: 'json', param: '"just a string"', expected: 'just a string' },
  {
    type: 'jsonb',
    param: { nested: { list: [1, 2.5, 'ü'] }, t: true },
    expected: { nested: { list: [1, 2.5, 'ü'] }, t: true },
  },
  {
    type: 'uuid',
    param: 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11',
    expected: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
  },
  {
    type: 'timestamptz',
    param: new Date('2024-02-29T23:59:58.123Z'),
    expected: new Date('2024-02-29T23:59:58.123Z'),
  },
  { type: 'timestamptz', param: '2024-06-01 12:00:00+02', expected: new Date('2024-06-01T10:00:00.000Z') },
  { type: 'timestamp', param: '2024-01-02 03:04:05.678', expected: new Date('2024-01-02T03:04:05.678Z') },
  { type: 'date', param: '2024-02-29', expected: '2024-02-29' },
  { type: 'bytea', param: allBytes, expected: allBytes },
  { type: 'bytea', param: new Uint8Array(0), expected: new Uint8Array(0) },
  { type: 'int4[]', param: [1, null, -3], expected: [1, null, -3] },
  { type: 'int4[]', param: [], expected: [] },
  { type: 'int8[]', param: ['1', '9223372036854775807'], expected: ['1', '9223372036854775807'] },
  {
    type: 'text[]',
    param: ['a"b', 'c,d', '{x}', 'NULL', null, '', 'back\\slash'],
    expected: ['a"b', 'c,d', '{x}', 'NULL', null, '', 'back\\slash'],
  },
  {
    type: 'int4[][]',
    param: [
      [1, 2],
      [3, 4],
    ],
    expected: [
      [1, 2],
      [3, 4],
    ],
  },
  { type: 'bool[]', param: [true, false], expected: [true, false] },
  { type: 'numeric[]', param: ['1.10', '-2'], expected: ['1.10', '-2'] },
  {
    type: 'uuid[]',
    param: ['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'],
    expected: ['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'],
  },
  { type: 'jsonb[]', param: ['{"a":1}', '[2]'], expected: [{ a: 1 }, [2]] },
  { type: 'date[]', param: ['2024-01-01', null], expected: ['2024-01-01', null] },
  {
    type: 'timestamptz[]',
    param: [new Date('2020-01-01T00:00:00.000Z')],
    expected: [new Date('2020-01-01T00:00:00.000Z')],
  },
  { type: 'bytea[]', param: [new Uint8Array([1, 255])], expected: [new Uint8Array([1, 255])] },
];

const nullTypes = [
  'text',
  'int4',
  'int8',
  'numeric',
  'bool',
  'json',
  'jsonb',
  'uuid',
  'timestamptz',
  'date',
  'bytea',
  'int4[]',
];

/** Parameters and results of every common type, and NULL. */
export const valueChecks: readonly ConformanceCheck[] = [
  {
    name: 'binds parameters and normalises results of every common type',
    async run(driver) {
      for (const c of cases) {
        const { rows } = await driver.query<{ v: unknown }>(`SELECT $1::${c.type} AS v`, [c.param]);
        assert.deepStrictEqual(rows, [{ v: c.expected }], `${c.type} from ${String(c.param)}`);
      }
    },
  },
  {
    name: 'returns values computed by the server with the same JavaScript types',
    async run(driver) {
      const { rows } = await driver.query(
        `SELECT 1::int2 AS i2, 2::int4 AS i4, 3::int8 AS i8, 1.50::numeric AS n, 2.5::float4 AS f4, 26::oid AS o,
           true AS b, '{"k":[1]}'::json AS j, '{"k":[1]}'::jsonb AS jb, '2000-01-02'::date AS d,
           '2000-01-02 03:04:05.5+00'::timestamptz AS tz, '\\x00ff'::bytea AS by, ARRAY[1,2] AS a,
           'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS u, '1 day'::interval AS iv, 'x'::varchar AS vc`,
      );
      assert.deepStrictEqual(rows, [
        {
          i2: 1,
          i4: 2,
          i8: '3',
          n: '1.50',
          f4: 2.5,
          o: 26,
          b: true,
          j: { k: [1] },
          jb: { k: [1] },
          d: '2000-01-02',
          tz: new Date('2000-01-02T03:04:05.500Z'),
          by: new Uint8Array([0, 255]),
          a: [1, 2],
          u: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
          iv: '1 day',
          vc: 'x',
        },
      ]);
    },
  },
  {
    name: 'binds null and undefined as NULL of any type',
    async run(driver) {
      for (const type of nullTypes) {
        const { rows } = await driver.query(`SELECT $1::${type} AS v, $2::${type} IS NULL AS isnull`, [
          null,
          undefined,
        ]);
        assert.deepStrictEqual(rows, [{ v: null, isnull: true }], type);
      }
    },
  },
  {
    name: 'stores and reads back values through a table, with hostile column names',
    async run(driver) {
      await withTable(
        driver,
        'values',
        async (table) => {
          const params = [1, hostileText, { a: 1 }, allBytes, ['x', null]];
          const inserted = await driver.query(
            `INSERT INTO ${table} ("id", "select", "ünïcödé", "Mixed Case", "a.b") VALUES ($1, $2, $3, $4, $5) RETURNING "id"`,
            params,
          );
          assert.deepStrictEqual(inserted, { rows: [{ id: 1 }], rowCount: 1 });
          const { rows } = await driver.query(`SELECT * FROM ${table}`);
          assert.deepStrictEqual(rows, [
            { id: 1, select: hostileText, ünïcödé: { a: 1 }, 'Mixed Case': allBytes, 'a.b': ['x', null] },
          ]);
        },
        'id int PRIMARY KEY, "select" text, "ünïcödé" jsonb, "Mixed Case" bytea, "a.b" text[]',
      );
    },
  },
  {
    name: 'reports the row count of SELECT, INSERT, UPDATE and DELETE',
    async run(driver) {
      await withTable(driver, 'rowcount', async (table) => {
        assert.equal(
          (await driver.query(`INSERT INTO ${table} (id) SELECT g FROM generate_series(1, 5) g`)).rowCount,
          5,
        );
        assert.equal((await driver.query(`UPDATE ${table} SET note = 'x' WHERE id > $1`, [2])).rowCount, 3);
        assert.equal((await driver.query(`DELETE FROM ${table} WHERE id = $1`, [1])).rowCount, 1);
        const selected = await driver.query(`SELECT id FROM ${table} WHERE note IS NULL`);
        assert.equal(selected.rowCount, 1);
        assert.equal(selected.rows.length, 1);
        assert.equal((await driver.query(`UPDATE ${table} SET note = 'y' WHERE false`)).rowCount, 0);
      });
    },
  },
  {
    name: 'runs concurrent queries and keeps each result with its query',
    async run(driver) {
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => driver.query<{ n: number }>('SELECT $1::int * 2 AS n', [i])),
      );
      assert.deepStrictEqual(
        results.map((r) => r.rows[0]?.n),
        Array.from({ length: 12 }, (_, i) => i * 2),
      );
    },
  },
];
