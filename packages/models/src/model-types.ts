import type { AnyField } from './field.js';
import type { Sql } from './sql.js';

/** An enum type: `defineEnum('UserStatus', ['active', 'inactive'])`. */
export interface EnumDef<V extends string = string> {
  readonly kind: 'enum';
  readonly name: string;
  readonly schema: string;
  readonly values: readonly V[];
  readonly comment: string | null;
  /** The enum's previous name (`defineEnum(..., { renamedFrom })`): a plan renames the type. */
  readonly renamedFrom?: string | null;
  /** Values renamed in place, new value → previous value (`defineEnum(..., { renamedValues })`). */
  readonly renamedValues?: Readonly<Record<string, string>>;
}

export type Naming = 'snake_case' | 'preserve';

/** A key of an index: a column (property or column name) or an expression, with its order. */
export type IndexKeyOption =
  | string
  | {
      readonly column?: string;
      readonly expression?: Sql | string;
      readonly desc?: boolean;
      /** Default: true for `desc`, false otherwise (PostgreSQL's default). */
      readonly nullsFirst?: boolean;
      /** A non-default operator class, e.g. `jsonb_path_ops` (in `pg_catalog` unless qualified by `opclassSchema`). */
      readonly opclass?: string;
      readonly opclassSchema?: string;
    };

export interface IndexOption {
  readonly columns: readonly IndexKeyOption[];
  /** PostgreSQL's `<table>_<columns>_idx` by default. */
  readonly name?: string;
  readonly unique?: boolean;
  readonly method?: 'btree' | 'hash' | 'gin' | 'gist' | 'brin' | 'spgist' | (string & {});
  /** A partial index: `where: "status = 'active'"`. */
  readonly where?: Sql | string;
  readonly include?: readonly string[];
  readonly nullsNotDistinct?: boolean;
  /** Storage parameters, e.g. `{ fillfactor: '70' }`. */
  readonly with?: Readonly<Record<string, string>>;
  readonly comment?: string;
}

export interface UniqueOption {
  readonly columns: readonly string[];
  readonly name?: string;
  readonly nullsNotDistinct?: boolean;
  readonly include?: readonly string[];
}

export interface CheckOption {
  readonly expression: Sql | string;
  readonly name?: string;
  readonly noInherit?: boolean;
}

export interface ForeignKeyOption {
  readonly columns: readonly string[];
  readonly references:
    | ModelLike
    | (() => ModelLike)
    | {
        readonly table: string | ModelLike | (() => ModelLike);
        readonly schema?: string;
        readonly columns: readonly string[];
      };
  readonly name?: string;
  readonly onDelete?: 'NO ACTION' | 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'SET DEFAULT';
  readonly onUpdate?: 'NO ACTION' | 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'SET DEFAULT';
  readonly match?: 'SIMPLE' | 'FULL';
  readonly deferrable?: boolean;
  readonly initiallyDeferred?: boolean;
}

/** Table-level options of `defineModel`. Column lists take property names (or column names). */
export interface ModelOptions {
  /** Default `public`. */
  readonly schema?: string;
  /** `snake_case` (default): `authorId` → `author_id` (see `toColumnName`); `preserve`: as written. */
  readonly naming?: Naming;
  /** A composite primary key. */
  readonly primaryKey?: readonly string[] | { readonly columns: readonly string[]; readonly name?: string };
  readonly uniques?: readonly (readonly string[] | UniqueOption)[];
  readonly indexes?: readonly IndexOption[];
  readonly checks?: readonly (Sql | string | CheckOption)[];
  readonly foreignKeys?: readonly ForeignKeyOption[];
  readonly comment?: string;
  /** The table's previous name, in the same schema: a plan renames the table instead of dropping it. */
  readonly renamedFrom?: string;
}

/** What any model looks like to code that does not know its fields. */
export interface ModelLike {
  readonly kind: 'model';
  readonly name: string;
  readonly schema: string;
  readonly fields: Readonly<Record<string, AnyField>>;
  readonly options: ModelOptions;
  /** The column name of a property (after naming and `.column()`). */
  columnName(property: string): string;
}
