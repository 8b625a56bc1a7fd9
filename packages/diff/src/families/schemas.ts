import {
  alterExtension,
  createExtension,
  createSchema,
  dropExtension,
  dropSchema,
  type Grant,
  grant,
  revoke,
  setComment,
} from '@justscale/schema';
import { type Builder, Phase } from '../context.js';

/** Schemas and extensions: created first, dropped last. */
export function diffSchemas(b: Builder): void {
  const cur = new Map(b.current.schemas.map((s) => [s.name, s]));
  const des = new Map(b.desired.schemas.map((s) => [s.name, s]));
  for (const s of b.desired.schemas) {
    const c = cur.get(s.name);
    if (c === undefined) b.add(Phase.createSchemas, createSchema(s));
    else if (c.comment !== s.comment)
      b.add(Phase.comments, setComment({ objectKind: 'schema', name: s.name }, s.comment));
  }
  for (const s of b.current.schemas) if (!des.has(s.name)) b.add(Phase.dropSchemas, dropSchema(s.name));

  const curExt = new Map(b.current.extensions.map((e) => [e.name, e]));
  const desExt = new Map(b.desired.extensions.map((e) => [e.name, e]));
  for (const e of b.desired.extensions) {
    const c = curExt.get(e.name);
    if (c === undefined) b.add(Phase.extensions, createExtension(e));
    else {
      if (e.version !== null && c.version !== e.version)
        b.add(Phase.extensions, alterExtension(e.name, e.version));
      if (c.schema !== e.schema) {
        b.note(
          'not-managed',
          `extension "${e.name}" moves from schema "${c.schema}" to "${e.schema}": use ALTER EXTENSION ... SET SCHEMA by hand`,
        );
      }
    }
  }
  for (const e of b.current.extensions)
    if (!desExt.has(e.name)) b.add(Phase.dropExtensions, dropExtension(e.name));
}

const grantKey = (g: Grant, privilege: string): string =>
  `${g.objectKind}\u0000${g.object.schema}\u0000${g.object.name}\u0000${g.object.arguments ?? ''}\u0000${g.grantee}\u0000${privilege}`;

/**
 * Grants, compared privilege by privilege: removed ones revoked (or only their grant option), new
 * ones granted, grouped back by object, grantee and grant option. Objects the plan drops take their
 * grants with them; objects it creates get theirs after they exist (grants run late).
 */
export function diffGrants(b: Builder): void {
  const atoms = (list: readonly Grant[]): Map<string, { g: Grant; p: string }> => {
    const m = new Map<string, { g: Grant; p: string }>();
    for (const g of list) for (const p of g.privileges) m.set(grantKey(g, p), { g, p });
    return m;
  };
  // An object the plan drops and creates again (a view over a retyped column, a function whose
  // signature changed) comes back with no grants: its current ones count as gone, so they are granted
  // again. Functions are known by name only here: every overload of a recreated one is granted again,
  // which is harmless (GRANT is idempotent).
  const recreated = (g: Grant): boolean => {
    const k = `${g.object.schema}\u0000${g.object.name}`;
    if (g.objectKind === 'table') return b.droppedTables.has(k) || b.droppedViews.has(k);
    if (g.objectKind === 'function') return b.recreatedFunctions.has(k);
    return false;
  };
  const cur = atoms([...b.current.grants.filter((g) => !recreated(g)), ...implicitGrants(b)]);
  const des = atoms(b.desired.grants);
  const revokes = new Map<string, { g: Grant; ps: string[] }>();
  const grants = new Map<string, { g: Grant; ps: string[] }>();
  const push = (into: typeof revokes, g: Grant, grantable: boolean, p: string): void => {
    const k = `${grantKey(g, '')}\u0000${grantable}`;
    const entry = into.get(k) ?? { g: { ...g, grantable }, ps: [] };
    entry.ps.push(p);
    into.set(k, entry);
  };
  for (const [k, { g, p }] of cur) {
    const d = des.get(k);
    if (d === undefined) {
      if (g.objectKind === 'table' && b.droppedTables.has(`${g.object.schema}\u0000${g.object.name}`))
        continue;
      push(revokes, g, false, p);
    } else if (g.grantable && !d.g.grantable) push(revokes, g, true, p);
  }
  for (const [k, { g, p }] of des) {
    const c = cur.get(k);
    if (c === undefined || (g.grantable && !c.g.grantable)) push(grants, g, g.grantable, p);
  }
  for (const { g, ps } of revokes.values()) b.add(Phase.grants, revoke({ ...g, privileges: ps.sort() }));
  for (const { g, ps } of grants.values()) b.add(Phase.grants, grant({ ...g, privileges: ps.sort() }));
}

/**
 * PostgreSQL grants EXECUTE to PUBLIC on every new function (its default ACL), so a function the
 * plan creates (or drops and creates again) starts with that grant: counted as current, it is revoked when the desired snapshot
 * does not have it, and not granted twice when it does. Only when privileges were read (the
 * desired snapshot has grants), since otherwise grants are not managed at all.
 */
function implicitGrants(b: Builder): Grant[] {
  if (b.desired.grants.length === 0) return [];
  const key = (schema: string, name: string, args: string): string => `${schema}\u0000${name}\u0000${args}`;
  // A function dropped and created again is new too (by name: see `recreated` in diffGrants; a
  // REVOKE of what an untouched overload does not have is harmless).
  const existing = new Set(
    b.current.functions
      .filter((f) => !b.recreatedFunctions.has(`${f.schema}\u0000${f.name}`))
      .map((f) => key(f.schema, f.name, f.identityArguments)),
  );
  return b.desired.functions
    .filter((f) => !existing.has(key(f.schema, f.name, f.identityArguments)))
    .map((f) => ({
      objectKind: 'function' as const,
      object: { schema: f.schema, name: f.name, arguments: f.identityArguments },
      grantee: 'PUBLIC',
      privileges: ['EXECUTE'],
      grantable: false,
    }));
}
