import type { AnyField, ColumnRef, Field, FieldMeta } from './field.js';
import type { EnumDef, ModelOptions } from './model-types.js';
import { checkName, toColumnName } from './naming.js';

/**
 * A model: a table described by fields.
 * `Name` is the table name, `F` its fields keyed by property name.
 */
export interface Model<
  Name extends string = string,
  F extends Record<string, AnyField> = Record<string, AnyField>,
> {
  readonly kind: 'model';
  readonly name: Name;
  readonly schema: string;
  readonly fields: F;
  readonly options: ModelOptions;
  /** The column name of a property: the field's `.column()`, else the model's naming rule. */
  columnName(property: string): string;
  /** A reference to one of this model's columns, for `references`. */
  ref(property: keyof F & string): ColumnRef;
}

/**
 * Defines a table. The table name is used as given; columns are named from properties by the
 * model's `naming` (`snake_case` by default: see `toColumnName`), or by `.column('exact')`.
 *
 * @example
 * export const PgUser = defineModel('users', {
 *   id: field.uuid().primaryKey(),
 *   email: field.string().max(255).unique(),
 *   status: field.enum(UserStatus).default('active'),
 *   createdAt: field.createdAt(),
 * }, { indexes: [{ columns: ['status'], where: "status = 'active'" }] });
 */
export function defineModel<const Name extends string, F extends Record<string, AnyField>>(
  name: Name,
  fields: F,
  options: ModelOptions = {},
): Model<Name, F> {
  checkName(name, 'table');
  const schema = checkName(options.schema ?? 'public', 'schema');
  if (options.renamedFrom !== undefined) checkName(options.renamedFrom, `table ${name} renamedFrom`);
  const naming = options.naming ?? 'snake_case';
  const fieldsCopy = Object.freeze({ ...fields });
  const model: Model<Name, F> = {
    kind: 'model',
    name,
    schema,
    fields: fieldsCopy,
    options: Object.freeze({ ...options }),
    columnName(property: string): string {
      const f = fieldsCopy[property];
      if (f?.config.column) return f.config.column;
      return naming === 'preserve' ? property : toColumnName(property);
    },
    ref(property) {
      return Object.freeze({ table: model, column: property });
    },
  };
  return Object.freeze(model);
}

/** Options of `defineEnum`. */
export interface EnumOptions<V extends string> {
  readonly schema?: string;
  readonly comment?: string;
  /** The type's previous name, in the same schema: a plan renames the type instead of rebuilding it. */
  readonly renamedFrom?: string;
  /** Values renamed in place, new value → previous value: `{ in_progress: 'doing' }`. */
  readonly renamedValues?: Partial<Record<V, string>>;
}

/**
 * Defines an enum type. Values keep their order (it is the enum's sort order). `renamedFrom` and
 * `renamedValues` tell a plan that a type or a value was renamed (`ALTER TYPE ... RENAME`), so
 * that columns keep their values.
 *
 * @example
 * export const UserStatus = defineEnum('UserStatus', ['active', 'inactive', 'suspended']);
 * field.enum(UserStatus).default('active');
 * defineEnum('task_status', ['todo', 'in_progress', 'done'], { renamedValues: { in_progress: 'doing' } });
 */
export function defineEnum<const V extends string>(
  name: string,
  values: readonly V[],
  options: EnumOptions<NoInfer<V>> = {},
): EnumDef<V> {
  checkName(name, 'enum');
  if (values.length === 0) throw new RangeError(`enum ${name} needs at least one value`);
  if (new Set(values).size !== values.length) throw new RangeError(`enum ${name} has a value twice`);
  for (const v of values) checkName(v, `enum ${name} value`);
  if (options.renamedFrom !== undefined) checkName(options.renamedFrom, `enum ${name} renamedFrom`);
  const renamedValues: Record<string, string> = {};
  for (const [to, from] of Object.entries(options.renamedValues ?? {})) {
    if (!values.includes(to as V))
      throw new RangeError(`enum ${name}: renamedValues names "${to}", which is not one of its values`);
    renamedValues[to] = checkName(from as string, `enum ${name} value`);
  }
  return Object.freeze({
    kind: 'enum',
    name,
    schema: checkName(options.schema ?? 'public', 'schema'),
    values: Object.freeze([...values]),
    comment: options.comment ?? null,
    renamedFrom: options.renamedFrom ?? null,
    renamedValues: Object.freeze(renamedValues),
  });
}

type Prettify<T> = { [K in keyof T]: T[K] } & {};
type MetaOf<F> = F extends Field<infer M extends FieldMeta> ? M : never;
type FieldsOf<M> = M extends Model<string, infer F> ? F : never;

/** A row as read from the table, keyed by property name. */
export type InferSelect<M extends Model> = Prettify<{
  [K in keyof FieldsOf<M>]: MetaOf<FieldsOf<M>[K]>['nullable'] extends true
    ? MetaOf<FieldsOf<M>[K]>['select'] | null
    : MetaOf<FieldsOf<M>[K]>['select'];
}>;

type InsertableKeys<F> = { [K in keyof F]: MetaOf<F[K]>['insertable'] extends true ? K : never }[keyof F];
type OptionalInsertKeys<F> = {
  [K in InsertableKeys<F>]: MetaOf<F[K]>['nullable'] extends true
    ? K
    : MetaOf<F[K]>['hasDefault'] extends true
      ? K
      : never;
}[InsertableKeys<F>];
type InsertValue<F, K extends keyof F> = MetaOf<F[K]>['nullable'] extends true
  ? MetaOf<F[K]>['insert'] | null
  : MetaOf<F[K]>['insert'];

/** A row to insert: nullable and defaulted fields optional, generated ones absent. */
export type InferInsert<M extends Model> = Prettify<
  {
    [K in Exclude<InsertableKeys<FieldsOf<M>>, OptionalInsertKeys<FieldsOf<M>>>]: InsertValue<FieldsOf<M>, K>;
  } & {
    [K in OptionalInsertKeys<FieldsOf<M>>]?: InsertValue<FieldsOf<M>, K>;
  }
>;

/** The values of an enum: `InferEnum<typeof UserStatus>` is `'active' | 'inactive' | 'suspended'`. */
export type InferEnum<E extends EnumDef> = E extends EnumDef<infer V> ? V : never;
