import { describe, expect, it } from 'vitest';
import { defineEnum, defineModel, field, insertSchema, selectSchema, sql } from '../src/index.js';

const UserStatus = defineEnum('UserStatus', ['active', 'inactive']);
const PgUser = defineModel('users', {
  id: field.uuid().primaryKey(),
  email: field.string().max(5),
  name: field.text().optional(),
  status: field.enum(UserStatus).default('active'),
  age: field.smallint().optional(),
  count: field.integer().default(0),
  big: field.bigint().default(0),
  price: field.decimal(4, 2).default(0),
  meta: field.jsonb().default({}),
  ip: field.inet().optional(),
  net: field.cidr().optional(),
  day: field.date().optional(),
  at: field.timestamp().optional(),
  bin: field.bytea().optional(),
  tags: field.text().array().default([]),
  slug: field.text().generated(sql`lower(email)`),
  seq: field.integer().identity({ always: true }),
  createdAt: field.createdAt(),
});

describe('insertSchema', () => {
  const s = insertSchema(PgUser);
  const ok = (row: Record<string, unknown>) => s.safeParse({ email: 'a@b', ...row }).success;

  it('needs required fields only', () => {
    expect(ok({})).toBe(true);
    expect(s.safeParse({}).success).toBe(false);
  });

  it.each<[string, Record<string, unknown>, boolean]>([
    ['max length in characters', { email: 'ünïcö' }, true],
    ['over max length', { email: 'abcdef' }, false],
    ['astral characters count once', { email: '😀😀😀😀😀' }, true],
    ['uuid of any version', { id: '00000000-0000-0000-0000-000000000000' }, true],
    ['not a uuid', { id: 'x' }, false],
    ['enum value', { status: 'inactive' }, true],
    ['not an enum value', { status: 'gone' }, false],
    ['nullable', { name: null }, true],
    ['not nullable', { status: null }, false],
    ['smallint range', { age: 32767 }, true],
    ['smallint overflow', { age: 32768 }, false],
    ['integer is an integer', { count: 1.5 }, false],
    ['bigint as string', { big: '9223372036854775807' }, true],
    ['bigint overflow', { big: '9223372036854775808' }, false],
    ['bigint as bigint', { big: 5n }, true],
    ['decimal fits', { price: '99.99' }, true],
    ['decimal too big', { price: '100' }, false],
    ['decimal as number', { price: 1.5 }, true],
    ['json', { meta: { a: [1, null] } }, true],
    ['inet', { ip: '10.0.0.1' }, true],
    ['inet v6 with mask', { ip: '::1/128' }, true],
    ['bad inet', { ip: 'nope' }, false],
    ['cidr', { net: '10.0.0.0/8' }, true],
    ['date string', { day: '2020-01-01' }, true],
    ['date object', { day: new Date() }, true],
    ['timestamp string', { at: '2020-01-01T00:00:00Z' }, true],
    ['bytea', { bin: new Uint8Array([1]) }, true],
    ['array', { tags: ['a'] }, true],
    ['array of wrong type', { tags: [1] }, false],
    ['generated column refused', { slug: 'x' }, false],
    ['ALWAYS identity refused', { seq: 1 }, false],
    ['unknown key refused', { nope: 1 }, false],
  ])('%s', (_label, row, expected) => {
    expect(ok(row)).toBe(expected);
  });

  it('keys by column name when asked', () => {
    const c = insertSchema(PgUser, { keys: 'column' });
    expect(c.safeParse({ email: 'a', created_at: new Date() }).success).toBe(true);
    expect(c.safeParse({ email: 'a', createdAt: new Date() }).success).toBe(false);
  });
});

describe('selectSchema', () => {
  const row = {
    id: '7f9c24e8-3b12-4fef-91e0-6a2b8e1f0c11',
    email: 'a@b',
    name: null,
    status: 'active',
    age: null,
    count: 0,
    big: '0',
    price: '0.00',
    meta: {},
    ip: null,
    net: null,
    day: null,
    at: null,
    bin: null,
    tags: [],
    slug: 'a@b',
    seq: 1,
    createdAt: new Date(),
  };
  it('accepts a row as the drivers return it', () => {
    expect(selectSchema(PgUser).parse(row)).toEqual(row);
  });
  it('refuses a row with a wrong value', () => {
    expect(selectSchema(PgUser).safeParse({ ...row, big: 5 }).success).toBe(false);
    expect(selectSchema(PgUser).safeParse({ ...row, createdAt: '2020' }).success).toBe(false);
    const { slug: _slug, ...missing } = row;
    expect(selectSchema(PgUser).safeParse(missing).success).toBe(false);
  });
});
