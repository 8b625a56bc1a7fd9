import { type Dependency, type ObjectRef, objectRef, type Snapshot } from '@justscale/schema';
import { escapeRegExp } from '../util.js';
import { bodyReads } from './bodies.js';

/**
 * The one place where dependencies are guessed from the text of expressions, for a snapshot with
 * no recorded dependencies (built from models, or by hand) and only for the objects that are not
 * the same as in the other snapshot of the plan (those carry the other side's recorded edges, see
 * `derived.ts`): defaults, checks, exclusions, index expressions and predicates, policies, views
 * and rules written as SQL, and a routine's argument and result types.
 *
 * The guesses, from PostgreSQL's deparsed spelling:
 * - a call `name(` (bare or quoted, qualified or not) depends on every routine of that name;
 * - a cast `::name` or `::schema.name` depends on that enum, domain or composite type;
 * - a mention of a sequence's name (`nextval('s'::regclass)`) depends on the sequence;
 * - in a view, a rule or a policy, a mention of a table's or view's name depends on it, and on each
 *   of its columns whose name is mentioned too;
 * - a check, an exclusion, an index expression or predicate and a policy depend on the columns of
 *   their own table that they mention;
 * - a routine depends on the types and tables (row types) its identity arguments or result name,
 *   and a SQL-language one on what its body mentions (`bodyReads` in `bodies.ts`).
 * They err on the side of "yes": a false positive only drops and recreates a dependent needlessly or
 * orders it later, and the plan's graph treats them as soft edges (dropped when they close a cycle).
 * (SQL routine bodies are guessed in `bodies.ts`; PostgreSQL records nothing for string bodies.)
 *
 * @example
 * guessDependencies(snapshotFromModels, (r) => unchanged.has(refKey(r)));
 */
export function guessDependencies(s: Snapshot, skip: (r: ObjectRef) => boolean): Dependency[] {
  const names = namesOf(s);
  const out: Dependency[] = [];
  /** `own`: the table whose columns the expression reads by bare name (a check's, an index's). */
  const add = (
    from: ObjectRef,
    texts: readonly (string | null)[],
    relations: boolean,
    own: ObjectRef | undefined = undefined,
  ): void => {
    if (skip(from)) return;
    const sql = texts.filter((x): x is string => x !== null).join('\n');
    if (sql === '') return;
    for (const on of guessRefs(sql, names, relations)) out.push(Object.freeze({ from, on }));
    if (own === undefined) return;
    for (const c of names.columns.get(own) ?? []) {
      if (mentions(sql, c))
        out.push(Object.freeze({ from, on: objectRef('column', own.schema, own.name, { column: c }) }));
    }
  };
  for (const t of s.tables) {
    const own = names.byName.get(`${t.schema}\u0000${t.name}`);
    for (const c of t.columns) {
      add(objectRef('default', t.schema, t.name, { column: c.name }), [c.default], false);
    }
    for (const k of t.constraints) {
      const texts = k.kind === 'check' ? [k.expression] : k.kind === 'exclusion' ? [k.definition] : [];
      add(objectRef('constraint', t.schema, k.name, { table: t.name }), texts, false, own);
    }
    for (const p of t.policies) {
      add(objectRef('policy', t.schema, p.name, { table: t.name }), [p.using, p.withCheck], true, own);
    }
  }
  for (const i of s.indexes) {
    const own = names.byName.get(`${i.schema}\u0000${i.table}`);
    add(objectRef('index', i.schema, i.name), [i.where, ...i.keys.map((k) => k.expression)], false, own);
  }
  for (const v of s.views) add(objectRef('view', v.schema, v.name), [v.definition], true);
  for (const r of s.rules ?? [])
    add(objectRef('rule', r.schema, r.name, { table: r.table }), [r.definition], true);
  for (const f of s.functions) {
    const from = objectRef('function', f.schema, f.name, { arguments: f.identityArguments });
    if (skip(from)) continue;
    const signature = `${f.identityArguments}\n${f.returns ?? ''}`;
    for (const t of names.types) if (mentions(signature, t.name)) out.push(Object.freeze({ from, on: t }));
    for (const t of names.relations) {
      if (mentions(signature, t.name)) out.push(Object.freeze({ from, on: t }));
    }
    const candidates = [...names.relations, ...names.sequences, ...names.functions];
    for (const on of bodyReads(f, candidates)) out.push(Object.freeze({ from, on }));
  }
  return out;
}

interface Names {
  readonly functions: readonly ObjectRef[];
  readonly types: readonly ObjectRef[];
  readonly sequences: readonly ObjectRef[];
  readonly relations: readonly ObjectRef[];
  readonly columns: ReadonlyMap<ObjectRef, readonly string[]>;
  /** Tables and views by `schema NUL name`. */
  readonly byName: ReadonlyMap<string, ObjectRef>;
}

function namesOf(s: Snapshot): Names {
  const columns = new Map<ObjectRef, readonly string[]>();
  const relations: ObjectRef[] = [];
  for (const t of s.tables) {
    const r = objectRef('table', t.schema, t.name);
    relations.push(r);
    columns.set(
      r,
      t.columns.map((c) => c.name),
    );
  }
  for (const v of s.views) {
    const r = objectRef('view', v.schema, v.name);
    relations.push(r);
    columns.set(r, v.columns);
  }
  return {
    functions: s.functions.map((f) =>
      objectRef('function', f.schema, f.name, { arguments: f.identityArguments }),
    ),
    types: [...s.enums, ...s.domains, ...s.compositeTypes].map((t) => objectRef('type', t.schema, t.name)),
    sequences: s.sequences.map((q) => objectRef('sequence', q.schema, q.name)),
    relations,
    columns,
    byName: new Map(relations.map((r) => [`${r.schema}\u0000${r.name}`, r])),
  };
}

function guessRefs(sql: string, names: Names, relations: boolean): ObjectRef[] {
  const out: ObjectRef[] = [];
  for (const f of names.functions) if (callsFunction(sql, f.name)) out.push(f);
  for (const t of names.types) if (castsTo(sql, t)) out.push(t);
  for (const q of names.sequences) if (mentions(sql, q.name)) out.push(q);
  if (!relations) return out;
  for (const r of names.relations) {
    if (!mentions(sql, r.name)) continue;
    out.push(r);
    for (const c of names.columns.get(r) ?? []) {
      if (mentions(sql, c)) out.push(objectRef('column', r.schema, r.name, { column: c }));
    }
  }
  return out;
}

/** How an identifier can appear in deparsed SQL: bare when PostgreSQL leaves it bare, else quoted. */
export function identForms(name: string): string[] {
  const quoted = `"${name.replaceAll('"', '""')}"`;
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? [name, quoted] : [quoted];
}

/**
 * Whether deparsed SQL mentions a name: the bare form as a whole word, or the quoted form anywhere.
 * A heuristic that errs on the side of "yes".
 */
export function mentions(sql: string, name: string): boolean {
  for (const form of identForms(name)) {
    if (form.startsWith('"')) {
      if (sql.includes(form)) return true;
      continue;
    }
    let from = 0;
    for (;;) {
      const at = sql.indexOf(form, from);
      if (at < 0) break;
      const before = at === 0 ? '' : sql[at - 1];
      const after = sql[at + form.length] ?? '';
      if (!/[A-Za-z0-9_$"]/.test(before ?? '') && !/[A-Za-z0-9_$"]/.test(after)) return true;
      from = at + 1;
    }
  }
  return false;
}

const spell = (ident: string): string => `(?:${identForms(ident).map(escapeRegExp).join('|')})`;

/** Compiled once per name: a large schema asks about every routine and type for every expression. */
const compiled = new Map<string, RegExp>();
function cached(source: string): RegExp {
  let re = compiled.get(source);
  if (re === undefined) {
    re = new RegExp(source);
    compiled.set(source, re);
  }
  return re;
}

/** Whether any spelling of the name occurs at all (the cheap test before a regular expression). */
const occurs = (sql: string, name: string): boolean => identForms(name).some((form) => sql.includes(form));

/** Whether deparsed SQL calls a function of that name (`name(` or `schema.name(`, bare or quoted). */
function callsFunction(sql: string, name: string): boolean {
  if (!occurs(sql, name)) return false;
  return identForms(name).some((form) => {
    const guard = form.startsWith('"') ? '' : '(?<![A-Za-z0-9_$"])';
    return cached(`${guard}${escapeRegExp(form)}\\s*\\(`).test(sql);
  });
}

/** Whether deparsed SQL casts to a type (`'b'::public.st`, `'b'::st`, `::"Mixed"[]`). */
function castsTo(sql: string, t: ObjectRef): boolean {
  if (!sql.includes('::') || !occurs(sql, t.name)) return false;
  return cached(`::(?:${spell(t.schema)}\\.)?${spell(t.name)}(?![A-Za-z0-9_$"])`).test(sql);
}
