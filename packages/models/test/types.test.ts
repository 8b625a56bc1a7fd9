import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  defineEnum,
  defineModel,
  field,
  type InferEnum,
  type InferInsert,
  type InferSelect,
  insertSchema,
  sql,
} from '../src/index.js';

const UserStatus = defineEnum('UserStatus', ['active', 'inactive', 'suspended']);
const PgUser = defineModel('users', {
  id: field.uuid().primaryKey(),
  email: field.string().max(255).unique(),
  name: field.text().optional(),
  status: field.enum(UserStatus).default('active'),
  age: field.integer().optional().default(3),
  balance: field.decimal(10, 2),
  big: field.bigint(),
  meta: field.jsonb<{ tags: string[] }>(),
  tags: field.text().array(),
  born: field.date().optional(),
  seen: field.timestamp(),
  avatar: field.bytea().optional(),
  serial: field.integer().identity(),
  always: field.integer().identity({ always: true }),
  slug: field.text().generated(sql`lower(email)`),
  createdAt: field.createdAt(),
});

describe('inferred types', () => {
  it('InferSelect: every field, null where optional', () => {
    expectTypeOf<InferSelect<typeof PgUser>>().toEqualTypeOf<{
      id: string;
      email: string;
      name: string | null;
      status: 'active' | 'inactive' | 'suspended';
      age: number | null;
      balance: string;
      big: string;
      meta: { tags: string[] };
      tags: string[];
      born: string | null;
      seen: Date;
      avatar: Uint8Array | null;
      serial: number;
      always: number;
      slug: string;
      createdAt: Date;
    }>();
  });

  it('InferInsert: defaulted and nullable optional, generated and ALWAYS identity absent', () => {
    expectTypeOf<InferInsert<typeof PgUser>>().toEqualTypeOf<{
      email: string;
      balance: string | number;
      big: string | number | bigint;
      meta: { tags: string[] };
      tags: string[];
      seen: Date | string;
      id?: string;
      name?: string | null;
      status?: 'active' | 'inactive' | 'suspended';
      age?: number | null;
      born?: string | Date | null;
      avatar?: Uint8Array | null;
      serial?: number;
      createdAt?: Date | string;
    }>();
  });

  it('a non-uuid primary key has no default unless given one', () => {
    const M = defineModel('m', {
      code: field.text().primaryKey(),
      n: field.integer().primaryKey().identity(),
    });
    expectTypeOf<InferInsert<typeof M>>().toEqualTypeOf<{ code: string; n?: number }>();
  });

  it('a jsonb field typed by a zod schema', () => {
    const M = defineModel('m', { doc: field.jsonb(z.object({ tags: z.array(z.string()) })) });
    expectTypeOf<InferSelect<typeof M>>().toEqualTypeOf<{ doc: { tags: string[] } }>();
    expect(insertSchema(M).safeParse({ doc: { tags: ['a'] } }).success).toBe(true);
    expect(insertSchema(M).safeParse({ doc: { tags: [1] } }).success).toBe(false);
  });

  it('defaults are checked against the field type', () => {
    // @ts-expect-error not an enum value
    field.enum(UserStatus).default('nope');
    // @ts-expect-error a number is not a string
    field.text().default(1);
    expectTypeOf<InferEnum<typeof UserStatus>>().toEqualTypeOf<'active' | 'inactive' | 'suspended'>();
  });
});
