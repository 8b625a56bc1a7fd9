import type { Column, Index, Snapshot, Table } from '@justscale/schema';
import { fromScratchText, fromScratchType, key, type ScratchNames } from './scratch.js';

/**
 * The models' snapshot with PostgreSQL's spellings, read back from the scratch schemas, put in:
 * defaults, generated expressions, check expressions, index expressions and predicates, and the
 * types the models name without a schema (built-ins as `format_type` prints them; a type found on
 * the search path, such as an extension's `citext` in public, as a reference to its schema).
 * Everything else is the models' own.
 */
export function adoptSpellings(models: Snapshot, read: Snapshot, names: ScratchNames): Snapshot {
  const text = (t: string | null) => (t === null ? null : fromScratchText(t, names));
  const tables = new Map(read.tables.map((t) => [key(names.fromScratch.get(t.schema)!, t.name), t]));
  const indexes = new Map(read.indexes.map((i) => [key(names.fromScratch.get(i.schema)!, i.name), i]));
  return {
    ...models,
    tables: models.tables.map((t): Table => {
      const back = tables.get(key(t.schema, t.name));
      if (back === undefined) throw new Error(`canonicalize: table ${t.schema}.${t.name} was not read back`);
      const columns = new Map(back.columns.map((c) => [c.name, c]));
      const checks = new Map(back.constraints.flatMap((k) => (k.kind === 'check' ? [[k.name, k]] : [])));
      return {
        ...t,
        columns: t.columns.map((c): Column => {
          const r = columns.get(c.name)!;
          return {
            ...c,
            type: c.type.schema === 'pg_catalog' ? fromScratchType(r.type, names) : c.type,
            default: text(r.default),
            generated: text(r.generated),
          };
        }),
        constraints: t.constraints.map((k) =>
          k.kind === 'check' ? { ...k, expression: text(checks.get(k.name)!.expression)! } : k,
        ),
      };
    }),
    indexes: models.indexes.map((i): Index => {
      const r = indexes.get(key(i.schema, i.name));
      if (r === undefined) return i;
      return {
        ...i,
        keys: i.keys.map((k, n) =>
          k.expression === null ? k : { ...k, expression: text(r.keys[n]!.expression) },
        ),
        where: text(r.where),
      };
    }),
  };
}
