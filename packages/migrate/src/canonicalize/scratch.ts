import {
  type Column,
  emptySnapshot,
  type Index,
  normalizeSnapshot,
  type Snapshot,
  type Table,
  type TypeRef,
} from '@justscale/schema';
import { quoteIdent } from '@justscale/sql';
import { rewriteQualifiedNames } from './qualified-names.js';

/**
 * Where a snapshot's schemas go while it is canonicalised: each to a scratch schema of its own,
 * and back. `printed` is each real schema as PostgreSQL prints it (`quote_ident`), for the way back.
 */
export interface ScratchNames {
  readonly toScratch: ReadonlyMap<string, string>;
  readonly fromScratch: ReadonlyMap<string, string>;
  readonly printed: ReadonlyMap<string, string>;
}

/** The schemas a snapshot's tables, enums and indexes live in, sorted. */
export function schemasOf(snapshot: Snapshot): string[] {
  return [
    ...new Set([
      ...snapshot.tables.map((t) => t.schema),
      ...snapshot.enums.map((e) => e.schema),
      ...snapshot.indexes.map((i) => i.schema),
    ]),
  ].sort();
}

/** One scratch schema per schema, `_justscale_canon_<tag>_<n>`: plain names that PostgreSQL prints bare. */
export function scratchNames(
  schemas: readonly string[],
  printed: readonly string[],
  tag: string,
): ScratchNames {
  if (!/^[a-z0-9]+$/.test(tag)) throw new Error(`scratch tag '${tag}' must be lowercase letters and digits`);
  const toScratch = new Map(schemas.map((s, i) => [s, `_justscale_canon_${tag}_${i}`]));
  return {
    toScratch,
    fromScratch: new Map([...toScratch].map(([real, tmp]) => [tmp, real])),
    printed: new Map(schemas.map((s, i) => [s, printed[i]!])),
  };
}

/**
 * The part of the snapshot whose spelling PostgreSQL decides, moved to the scratch schemas: enums,
 * tables with their columns (types, defaults, generated expressions, collations) and checks, and
 * indexes. Keys, foreign keys, identities and comments are left out: they hold no expression, and a
 * foreign key could name a table that is not there.
 */
export function toScratchSnapshot(snapshot: Snapshot, names: ScratchNames): Snapshot {
  const enums = new Set(snapshot.enums.map((e) => key(e.schema, e.name)));
  const scratch = (schema: string) => names.toScratch.get(schema)!;
  const fix = (text: string) =>
    rewriteQualifiedNames(text, (r) =>
      enums.has(key(r.schema, r.name)) ? `${quoteIdent(scratch(r.schema))}.${quoteIdent(r.name)}` : undefined,
    );
  const type = (t: TypeRef): TypeRef =>
    enums.has(key(t.schema, t.name)) ? { ...t, schema: scratch(t.schema) } : t;
  const tables = snapshot.tables.map(
    (t): Table => ({
      ...t,
      schema: scratch(t.schema),
      columns: t.columns.map(
        (c): Column => ({
          ...c,
          type: type(c.type),
          default: c.default === null ? null : fix(c.default),
          generated: c.generated === null ? null : fix(c.generated),
          identity: null,
          comment: null,
        }),
      ),
      constraints: t.constraints.flatMap((k) =>
        k.kind === 'check' ? [{ ...k, expression: fix(k.expression), comment: null }] : [],
      ),
      policies: [],
      rowSecurity: false,
      forceRowSecurity: false,
      partitionBy: null,
      partitionOf: null,
      inherits: [],
      options: {},
      comment: null,
    }),
  );
  const indexes = snapshot.indexes.map(
    (i): Index => ({
      ...i,
      schema: scratch(i.schema),
      keys: i.keys.map((k) => (k.expression === null ? k : { ...k, expression: fix(k.expression) })),
      where: i.where === null ? null : fix(i.where),
      options: {},
      comment: null,
    }),
  );
  return normalizeSnapshot({
    ...emptySnapshot(),
    schemas: [...names.toScratch.values()].map((name) => ({ name, comment: null })),
    enums: snapshot.enums.map((e) => ({ ...e, schema: scratch(e.schema), comment: null })),
    tables,
    indexes,
  });
}

/**
 * Text read back from the scratch schemas, with each scratch schema replaced by the real one as
 * PostgreSQL prints it: `'a'::_justscale_canon_x_0."S"` → `'a'::public."S"`.
 */
export function fromScratchText(text: string, names: ScratchNames): string {
  return rewriteQualifiedNames(text, (r) => {
    const real = names.fromScratch.get(r.schema);
    if (real === undefined) return undefined;
    return `${names.printed.get(real)!}${r.text.slice(r.text.indexOf('.'))}`;
  });
}

/** A type read back from a scratch schema, in its real schema. */
export function fromScratchType(type: TypeRef, names: ScratchNames): TypeRef {
  const real = names.fromScratch.get(type.schema);
  return real === undefined ? type : { ...type, schema: real };
}

export function key(...parts: string[]): string {
  return parts.join('\u0000');
}
