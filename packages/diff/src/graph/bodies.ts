import type { FunctionDef, ObjectRef, Operation } from '@justscale/schema';
import { mentions } from './guesses.js';
import type { Edge, Vertex } from './order.js';

/**
 * The one place where dependencies are guessed from text: SQL-language routines whose body is a
 * string. PostgreSQL validates such a body when the routine is created (it must find the tables,
 * sequences, columns and functions it reads) but records none of them in `pg_depend`, so the
 * snapshot cannot say what the body needs. (PL/pgSQL bodies are not validated at creation: they need
 * nothing before them. SQL-standard bodies, `BEGIN ATOMIC` / `RETURN`, are recorded and need no guess.)
 *
 * The guess: the body mentions the object's name (bare as a whole word, or quoted). It errs on the
 * side of "yes"; a false positive only moves the routine later. These edges are soft: when they
 * close a cycle with the recorded ones, the plan is ordered without them.
 *
 * @example
 * // CREATE FUNCTION a() ... LANGUAGE sql AS $$ SELECT count(*) FROM z $$ waits for CREATE TABLE z
 * bodyEdges(vertices);
 */
export function bodyEdges(vertices: readonly Vertex[]): Edge[] {
  const provided: { at: number; names: string[] }[] = [];
  vertices.forEach((v, at) => {
    const names = providedNames(v.op);
    if (names.length > 0) provided.push({ at, names });
  });
  const edges: Edge[] = [];
  vertices.forEach((v, after) => {
    if (v.op.kind !== 'createFunction' || v.op.function.language !== 'sql') return;
    const body = v.op.function.body;
    if (body.trim() === '') return;
    for (const p of provided) {
      if (p.at !== after && p.names.every((n) => mentions(body, n))) {
        edges.push({
          before: p.at,
          after,
          reason: `the SQL body of ${v.op.function.name} mentions ${p.names.join('.')}`,
        });
      }
    }
  });
  return edges;
}

/**
 * Whether a string SQL body may read one of the relations named (the same guess as `bodyEdges`): the
 * routine is then created in the phase after the tables and views.
 *
 * @example
 * bodyReadsAny(f, ['users']); // true for LANGUAGE sql AS $$ SELECT count(*) FROM users $$
 */
export function bodyReadsAny(f: FunctionDef, names: readonly string[]): boolean {
  return f.language === 'sql' && names.some((n) => mentions(f.body, n));
}

/**
 * For a snapshot with no recorded dependencies (built from models, see `derived.ts`): the objects a
 * SQL-language routine's body may read, by the same guess. Read from a database, a SQL-standard
 * body (`BEGIN ATOMIC`, `RETURN`) has them recorded, and PostgreSQL refuses to drop what it reads
 * before it; a model says nothing of the kind.
 *
 * @example
 * bodyReads(f, [objectRef('table', 'inv', 'items')]); // the table, when the body mentions items
 */
export function bodyReads(f: FunctionDef, candidates: readonly ObjectRef[]): ObjectRef[] {
  if (f.language !== 'sql' || f.body.trim() === '') return [];
  return candidates.filter(
    (r) => !(r.kind === 'function' && r.schema === f.schema && r.name === f.name) && mentions(f.body, r.name),
  );
}

/** The names whose mention in a body makes it wait for `op` (a column: its table and its name). */
function providedNames(op: Operation): string[] {
  switch (op.kind) {
    case 'createTable':
      return [op.table.name];
    case 'createView':
      return [op.view.name];
    case 'createSequence':
      return [op.sequence.name];
    case 'createFunction':
      return [op.function.name];
    case 'addColumn':
      return [op.table.name, op.column.name];
    default:
      return [];
  }
}
