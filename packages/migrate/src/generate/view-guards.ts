import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plan } from '@justscale/diff';
import type { Operation, QualifiedName } from '@justscale/schema';
import { lit } from './literal.js';

/**
 * Views a generated migration rebuilds only where they exist: views the models do not own that no
 * migration creates (made by hand, with psql). Key: `schema\0name`; value: the name of the variable
 * that holds, in the generated `up` or `down`, whether the view was there before it ran.
 */
export type ViewGuards = ReadonlyMap<string, string>;

const key = (o: QualifiedName) => `${o.schema}\u0000${o.name}`;

/** The view an operation creates, drops, comments on or grants on; null for any other. */
export function viewOf(op: Operation): QualifiedName | null {
  switch (op.kind) {
    case 'createView':
      return op.view;
    case 'dropView':
      return op.view;
    case 'setComment':
      return op.target.objectKind === 'view' || op.target.objectKind === 'materializedView'
        ? op.target.object
        : null;
    case 'grant':
    case 'revoke':
      return op.grant.objectKind === 'table' ? op.grant.object : null;
    default:
      return null;
  }
}

/** The variable guarding `op`, when it touches a guarded view. */
export function guardOf(op: Operation, guards: ViewGuards | undefined): string | null {
  if (guards === undefined || guards.size === 0) return null;
  const view = viewOf(op);
  return view === null ? null : (guards.get(key(view)) ?? null);
}

/**
 * The lines that ask, before anything runs, whether each guarded view `ops` touch exists:
 * `const view1 = await db.hasView({ schema: 'public', name: 'big' });`.
 */
export function guardDeclarations(
  ops: readonly Operation[],
  guards: ViewGuards | undefined,
  indent: string,
): string[] {
  if (guards === undefined || guards.size === 0) return [];
  const seen = new Map<string, QualifiedName>();
  for (const op of ops) {
    const view = viewOf(op);
    if (view !== null && guards.has(key(view)) && !seen.has(key(view))) seen.set(key(view), view);
  }
  return [...seen.entries()].flatMap(([k, v]) => [
    `${indent}// ${guardComment(v)} (made by hand?): it is rebuilt only where it exists.`,
    `${indent}const ${guards.get(k)!} = await db.hasView({ schema: ${lit(v.schema)}, name: ${lit(v.name)} });`,
  ]);
}

/**
 * The comment a guarded file carries for the view: what `viewsNoMigrationCreates` looks for, and how
 * `justscale migrate make` finds the files that guard it.
 */
export function guardComment(v: QualifiedName): string {
  return `View ${v.schema}.${v.name} is created by no migration`;
}

/** The views a plan drops and creates again (around a change of a column they read). */
export function viewsRebuilt(plan: Plan): QualifiedName[] {
  const created = new Set(plan.operations.flatMap((op) => (op.kind === 'createView' ? [key(op.view)] : [])));
  const out: QualifiedName[] = [];
  for (const op of plan.operations) {
    if (op.kind !== 'dropView' || !created.has(key(op.view))) continue;
    if (!out.some((v) => key(v) === key(op.view))) out.push({ schema: op.view.schema, name: op.view.name });
  }
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Of `views`, those no file of the migrations directory creates: no `CREATE [OR REPLACE]
 * [MATERIALIZED] VIEW [schema.]name` in any file's text, in any case, quoted or not, but in files
 * that rebuild it guarded (written by `migrate make` for a view made by hand). A missing directory
 * creates nothing.
 */
export async function viewsNoMigrationCreates(
  directory: string,
  views: readonly QualifiedName[],
): Promise<QualifiedName[]> {
  if (views.length === 0) return [];
  let names: string[];
  try {
    names = await readdir(directory);
  } catch {
    return [...views];
  }
  const texts = await Promise.all(
    names
      .filter((n) => /\.(?:[cm]?[tj]s|sql)$/.test(n))
      .map((n) => readFile(join(directory, n), 'utf8').catch(() => '')),
  );
  return views.filter((v) => {
    const name = `"?${escapeRegExp(v.name.replaceAll('"', '""'))}"?`;
    const schema = `(?:"?${escapeRegExp(v.schema.replaceAll('"', '""'))}"?\\s*\\.\\s*)?`;
    const create = new RegExp(
      `create\\s+(?:or\\s+replace\\s+)?(?:materialized\\s+)?view\\s+(?:if\\s+not\\s+exists\\s+)?${schema}${name}(?![\\w$"])`,
      'i',
    );
    // A file `migrate make` wrote around the view made by hand creates it only where it was.
    const guarded = guardComment(v);
    return !texts.some((t) => !t.includes(guarded) && create.test(t));
  });
}

/** Guards for `views`: one variable each (`view1`, `view2`, ...). */
export function viewGuards(views: readonly QualifiedName[]): ViewGuards {
  return new Map(views.map((v, i) => [key(v), `view${i + 1}`]));
}
