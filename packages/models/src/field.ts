import type { ReferentialAction } from '@justscale/schema';
import type { z } from 'zod';
import type { EnumDef, ModelLike } from './model-types.js';
import type { Sql } from './sql.js';

/** What the type system knows about a field; only types, never present at run time. */
export interface FieldMeta {
  readonly select: unknown;
  readonly insert: unknown;
  readonly nullable: boolean;
  readonly hasDefault: boolean;
  /** False for generated columns and `GENERATED ALWAYS` identities: they are not written by inserts. */
  readonly insertable: boolean;
  /** True for uuid: its primary key has a default (`gen_random_uuid()`). */
  readonly pkDefault: boolean;
}

type With<M, P> = { [K in keyof M]: K extends keyof P ? P[K] : M[K] };

/** A builder's type meta for a value type `S` read and `I` written. */
export type Meta<S, I = S, Pk extends boolean = false> = {
  readonly select: S;
  readonly insert: I;
  readonly nullable: false;
  readonly hasDefault: false;
  readonly insertable: true;
  readonly pkDefault: Pk;
};

export type FieldKind =
  | 'uuid'
  | 'string'
  | 'text'
  | 'integer'
  | 'bigint'
  | 'smallint'
  | 'decimal'
  | 'real'
  | 'double'
  | 'boolean'
  | 'date'
  | 'time'
  | 'timestamp'
  | 'interval'
  | 'json'
  | 'jsonb'
  | 'bytea'
  | 'inet'
  | 'cidr'
  | 'enum'
  | 'custom';

/** A default: a value of the field's type, or SQL through `sql\`...\``. */
export type DefaultSpec =
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'sql'; readonly text: string };

/** A column that a foreign key points at: `PgUser.ref('id')` or `{ table: 'users', column: 'id' }`. */
export interface ColumnRef {
  readonly table: string | ModelLike | (() => ModelLike);
  /** A property of the model, or a column name. */
  readonly column: string;
  /** Only with a table given by name; default `public`. */
  readonly schema?: string;
}

/** A model (its primary key), a thunk returning one (for cycles and self-references), or a column. */
export type ReferenceTarget = ModelLike | (() => ModelLike) | ColumnRef;

export interface ReferenceOptions {
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  /** The constraint name; PostgreSQL's `<table>_<column>_fkey` by default. */
  readonly name?: string;
}

export interface IdentityOptions {
  /** `GENERATED ALWAYS` (inserts may not set the column) rather than `BY DEFAULT`. */
  readonly always?: boolean;
  readonly start?: number | bigint | string;
  readonly increment?: number | bigint | string;
  readonly minValue?: number | bigint | string;
  readonly maxValue?: number | bigint | string;
  readonly cache?: number | bigint | string;
  readonly cycle?: boolean;
  /** The sequence's name; PostgreSQL's `<table>_<column>_seq` by default. */
  readonly sequenceName?: string;
}

/** Everything a builder records. Plain frozen data; `modelsToSnapshot` reads it. */
export interface FieldConfig {
  readonly kind: FieldKind;
  readonly maxLength: number | null;
  readonly precision: number | null;
  readonly scale: number | null;
  readonly withTimezone: boolean;
  readonly enum: EnumDef | null;
  readonly custom: {
    readonly name: string;
    readonly schema: string | null;
    readonly modifiers: string | null;
  } | null;
  readonly array: boolean;
  readonly nullable: boolean;
  readonly primaryKey: boolean;
  readonly unique: { readonly name: string | null; readonly nullsNotDistinct: boolean } | null;
  readonly default: DefaultSpec | null;
  readonly references: { readonly target: ReferenceTarget; readonly options: ReferenceOptions } | null;
  readonly index: { readonly name: string | null; readonly method: string; readonly unique: boolean } | null;
  readonly checks: readonly { readonly expression: string; readonly name: string | null }[];
  readonly comment: string | null;
  readonly generated: string | null;
  readonly identity: IdentityOptions | null;
  readonly renamedFrom: string | null;
  readonly column: string | null;
  readonly collation: string | null;
  /** A zod schema for json/jsonb/custom values, when given. */
  readonly zod: z.ZodType | null;
}

const BASE: Omit<FieldConfig, 'kind'> = {
  maxLength: null,
  precision: null,
  scale: null,
  withTimezone: false,
  enum: null,
  custom: null,
  array: false,
  nullable: false,
  primaryKey: false,
  unique: null,
  default: null,
  references: null,
  index: null,
  checks: [],
  comment: null,
  generated: null,
  identity: null,
  renamedFrom: null,
  column: null,
  collation: null,
  zod: null,
};

export function newConfig(kind: FieldKind, patch: Partial<FieldConfig> = {}): FieldConfig {
  return Object.freeze({ ...BASE, kind, ...patch });
}

/**
 * A column builder. Immutable: every modifier returns a new builder, so one builder can be the base
 * of several fields. Fields are `NOT NULL` unless `.optional()`.
 *
 * @example
 * const email = field.string().max(255);
 * const users = defineModel('users', { email: email.unique(), backupEmail: email.optional() });
 */
export class Field<M extends FieldMeta = FieldMeta> {
  /** Type-level only: what the field reads and writes. */
  declare readonly $meta: M;
  readonly config: FieldConfig;

  constructor(config: FieldConfig) {
    this.config = config;
    Object.freeze(this);
  }

  protected with<N extends FieldMeta = M>(patch: Partial<FieldConfig>): Field<N> {
    return new Field<N>(Object.freeze({ ...this.config, ...patch }));
  }

  /** Nullable (fields are `NOT NULL` by default). */
  optional(): Field<With<M, { nullable: true }>> {
    return this.with({ nullable: true });
  }

  /**
   * A default: a value of the field's type, or SQL: `.default(sql\`now()\`)`. `null` means no
   * default at all (it also turns off a uuid primary key's `gen_random_uuid()`).
   */
  default(value: M['insert'] | Sql | null): Field<With<M, { hasDefault: true }>> {
    const spec: DefaultSpec =
      typeof value === 'object' && value !== null && (value as Sql).kind === 'sql' && 'text' in value
        ? { kind: 'sql', text: (value as Sql).text }
        : { kind: 'value', value };
    return this.with({ default: Object.freeze(spec) });
  }

  /** The primary key (`<table>_pkey`). A uuid key defaults to `gen_random_uuid()`. */
  primaryKey(): Field<
    With<M, { nullable: false; hasDefault: M['pkDefault'] extends true ? true : M['hasDefault'] }>
  > {
    return this.with({ primaryKey: true });
  }

  /** A unique constraint on this column (`<table>_<column>_key`). */
  unique(options: { name?: string; nullsNotDistinct?: boolean } = {}): Field<M> {
    return this.with({
      unique: { name: options.name ?? null, nullsNotDistinct: options.nullsNotDistinct ?? false },
    });
  }

  /** A foreign key (`<table>_<column>_fkey`) to a model's primary key or to a column. */
  references(target: ReferenceTarget, options: ReferenceOptions = {}): Field<M> {
    return this.with({ references: Object.freeze({ target, options: Object.freeze({ ...options }) }) });
  }

  /** An index on this column (`<table>_<column>_idx`), btree unless `method` says otherwise. */
  index(
    options: {
      name?: string;
      method?: 'btree' | 'hash' | 'gin' | 'gist' | 'brin' | 'spgist';
      unique?: boolean;
    } = {},
  ): Field<M> {
    return this.with({
      index: {
        name: options.name ?? null,
        method: options.method ?? 'btree',
        unique: options.unique ?? false,
      },
    });
  }

  /** A check constraint (`<table>_<column>_check`), e.g. `.check(sql\`price > 0\`)`. */
  check(expression: Sql | string, options: { name?: string } = {}): Field<M> {
    const text = typeof expression === 'string' ? expression : expression.text;
    return this.with({ checks: [...this.config.checks, { expression: text, name: options.name ?? null }] });
  }

  /** `COMMENT ON COLUMN`. */
  comment(text: string): Field<M> {
    return this.with({ comment: text });
  }

  /** `GENERATED ALWAYS AS (expression) STORED`; not written by inserts. */
  generated(expression: Sql): Field<With<M, { hasDefault: true; insertable: false }>> {
    return this.with({ generated: expression.text });
  }

  /** An identity column (`GENERATED BY DEFAULT AS IDENTITY`, or `ALWAYS`), for integer types. */
  identity(
    options?: IdentityOptions & { always?: false },
  ): Field<With<M, { hasDefault: true; nullable: false }>>;
  identity(
    options: IdentityOptions & { always: true },
  ): Field<With<M, { hasDefault: true; nullable: false; insertable: false }>>;
  identity(options: IdentityOptions = {}): Field<FieldMeta> {
    return this.with({ identity: Object.freeze({ ...options }) });
  }

  /** A rename hint for the differ: this column used to be called `previous` (a column name). */
  renamedFrom(previous: string): Field<M> {
    return this.with({ renamedFrom: previous });
  }

  /** The exact column name, overriding the model's naming rule. */
  column(name: string): Field<M> {
    return this.with({ column: name });
  }

  /** `COLLATE "name"` (a collation in `pg_catalog`, e.g. `'C'`). */
  collate(name: string): Field<M> {
    return this.with({ collation: name });
  }

  /** An array of this type (`text[]`). */
  array(): Field<With<M, { select: M['select'][]; insert: M['insert'][]; pkDefault: false }>> {
    return this.with({ array: true });
  }
}

/** `field.string()`: `character varying`, limited with `.max(n)`. */
export class StringField<M extends FieldMeta = Meta<string>> extends Field<M> {
  /** `character varying(n)`: at most `n` characters. */
  max(n: number): Field<M> {
    if (!Number.isInteger(n) || n < 1 || n > 10485760)
      throw new RangeError(`string().max(${n}): 1 to 10485760`);
    return new Field<M>(Object.freeze({ ...this.config, maxLength: n }));
  }
}

/** Any field. */
export type AnyField = Field<FieldMeta>;
