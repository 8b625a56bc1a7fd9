import { defineEnum, defineModel, field, type ModelLike, sql } from '../src/index.js';

// Models used by the DB tests, each with the same schema written by hand in plain DDL.

export const UserStatus = defineEnum('UserStatus', ['active', 'inactive', 'suspended']);

export const allTypes = defineModel('all_types', {
  id: field.uuid().primaryKey(),
  str: field.string().max(200).default("it's"),
  strNoMax: field.string().optional(),
  txt: field.text().default(''),
  int: field.integer().default(-1),
  big: field.bigint().default('9007199254740993'),
  small: field.smallint().default(5),
  dec: field.decimal(10, 2).default('9.99'),
  decFree: field.decimal().default(-1.5),
  re: field.real().default(1.5),
  dbl: field.double().default(0.1),
  bool: field.boolean().default(true),
  day: field.date().default('2020-01-01'),
  tm: field.time({ precision: 3 }).optional(),
  tmtz: field.time({ withTimezone: true }).optional(),
  ts: field.timestamp().default(sql`now()`),
  tsNoTz: field.timestamp({ withTimezone: false, precision: 0 }).default(sql`CURRENT_TIMESTAMP`),
  iv: field.interval().optional(),
  js: field.json().default({ b: 1, a: [1, 'x'] }),
  jsb: field.jsonb().default({ b: 1, aa: { z: null, y: true }, a: [1.5, 'x'] }),
  bin: field.bytea().default(new Uint8Array([0, 1, 255])),
  ip: field.inet().optional(),
  net: field.cidr().optional(),
  status: field.enum(UserStatus).default('active'),
  statuses: field.enum(UserStatus).array().default(['active', 'inactive']),
  tags: field.text().array().default(['a b', '', 'NULL', 'x"y']),
  nums: field.integer().array().default([]),
  vec: field.custom('tsvector').optional(),
  chr: field.custom('character', { modifiers: '(3)' }).optional(),
  createdAt: field.createdAt(),
  updatedAt: field.updatedAt(),
});
export const allTypesDdl = `
CREATE TYPE public."UserStatus" AS ENUM ('active', 'inactive', 'suspended');
CREATE TABLE public.all_types (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  str varchar(200) NOT NULL DEFAULT 'it''s',
  str_no_max varchar,
  txt text NOT NULL DEFAULT '',
  "int" int NOT NULL DEFAULT -1,
  big int8 NOT NULL DEFAULT 9007199254740993,
  small int2 NOT NULL DEFAULT 5,
  dec numeric(10,2) NOT NULL DEFAULT '9.99',
  dec_free numeric NOT NULL DEFAULT -1.5,
  re float4 NOT NULL DEFAULT 1.5,
  dbl float8 NOT NULL DEFAULT 0.1,
  bool bool NOT NULL DEFAULT true,
  day date NOT NULL DEFAULT '2020-01-01',
  tm time(3),
  tmtz timetz,
  ts timestamptz NOT NULL DEFAULT now(),
  ts_no_tz timestamp(0) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  iv interval,
  js json NOT NULL DEFAULT '{"b":1,"a":[1,"x"]}',
  jsb jsonb NOT NULL DEFAULT '{"b": 1, "aa": {"z": null, "y": true}, "a": [1.5, "x"]}',
  bin bytea NOT NULL DEFAULT '\\x0001ff',
  ip inet,
  net cidr,
  status "UserStatus" NOT NULL DEFAULT 'active',
  statuses "UserStatus"[] NOT NULL DEFAULT '{active,inactive}',
  tags text[] NOT NULL DEFAULT '{"a b","","NULL","x\\"y"}',
  nums int[] NOT NULL DEFAULT '{}',
  vec tsvector,
  chr char(3),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);`;

export const PgUser = defineModel(
  'users',
  {
    id: field.uuid().primaryKey(),
    email: field.string().max(255).unique(),
    name: field.text().optional(),
    status: field.enum(UserStatus).default('active'),
    age: field.integer().optional().check(sql`age >= 0`),
    createdAt: field.createdAt(),
  },
  { indexes: [{ columns: ['status'], where: "status = 'active'" }], checks: [sql`age < 200 OR email <> ''`] },
);
export const PgPost = defineModel(
  'posts',
  {
    id: field.integer().primaryKey().identity(),
    authorId: field.uuid().references(PgUser, { onDelete: 'CASCADE' }).index(),
    parentId: field
      .integer()
      .optional()
      .references((): ModelLike => PgPost, { onDelete: 'SET NULL', onUpdate: 'CASCADE' }),
    title: field.string().max(200),
    body: field.jsonb().optional(),
    slug: field.text().generated(sql`lower(title)`),
    seq: field.bigint().identity({ always: true, start: 10, increment: 5 }),
  },
  {
    uniques: [['authorId', 'title']],
    indexes: [
      { columns: [{ expression: sql`lower(title)` }], unique: true },
      { columns: ['body'], method: 'gin' },
      { columns: [{ column: 'body', opclass: 'jsonb_path_ops' }], method: 'gin', name: 'posts_body_path' },
      { columns: [{ column: 'title', desc: true }], include: ['slug'] },
      { columns: ['id'], method: 'brin' },
      { columns: ['id'], method: 'hash' },
    ],
  },
);
export const blogDdl = `
CREATE TYPE public."UserStatus" AS ENUM ('active', 'inactive', 'suspended');
CREATE TABLE public.users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email varchar(255) NOT NULL UNIQUE,
  name text,
  status "UserStatus" NOT NULL DEFAULT 'active',
  age integer CHECK (age >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (age < 200 OR email <> '')
);
CREATE INDEX ON public.users (status) WHERE status = 'active';
CREATE TABLE public.posts (
  id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  author_id uuid NOT NULL REFERENCES public.users ON DELETE CASCADE,
  parent_id integer REFERENCES public.posts ON DELETE SET NULL ON UPDATE CASCADE,
  title varchar(200) NOT NULL,
  body jsonb,
  slug text NOT NULL GENERATED ALWAYS AS (lower(title)) STORED,
  seq bigint NOT NULL GENERATED ALWAYS AS IDENTITY (START WITH 10 INCREMENT BY 5),
  UNIQUE (author_id, title)
);
CREATE INDEX ON public.posts (author_id);
CREATE UNIQUE INDEX ON public.posts (lower(title));
CREATE INDEX ON public.posts USING gin (body);
CREATE INDEX posts_body_path ON public.posts USING gin (body jsonb_path_ops);
CREATE INDEX ON public.posts (title DESC) INCLUDE (slug);
CREATE INDEX ON public.posts USING brin (id);
CREATE INDEX ON public.posts USING hash (id);
`;

const long = 'l'.repeat(60);
export const Hostile = defineEnum('a"b', ['x', "it's", 'ünïcödé'], { schema: 'Mixed Case' });
export const HostileTable = defineModel(
  'select',
  {
    'a.b': field.integer(),
    'Mixed Case': field.enum(Hostile).default("it's"),
    ünïcödé: field.text().unique(),
    [long]: field.integer().unique().index(),
    quoted: field.text().column('a"b').check(sql`"a""b" <> ''`),
  },
  { schema: 'Mixed Case', primaryKey: ['a.b', 'Mixed Case'], comment: 'hostile' },
);
export const hostileDdl = `
CREATE TYPE "Mixed Case"."a""b" AS ENUM ('x', 'it''s', 'ünïcödé');
CREATE TABLE "Mixed Case"."select" (
  "a.b" integer,
  "Mixed Case" "Mixed Case"."a""b" DEFAULT 'it''s',
  "ünïcödé" text NOT NULL UNIQUE,
  ${long} integer NOT NULL UNIQUE,
  "a""b" text NOT NULL CHECK ("a""b" <> ''),
  PRIMARY KEY ("a.b", "Mixed Case")
);
CREATE INDEX ON "Mixed Case"."select" (${long});
COMMENT ON TABLE "Mixed Case"."select" IS 'hostile';
`;
