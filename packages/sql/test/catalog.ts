import type { TestDatabase } from '@justscale/testing';

type Queryable = Pick<TestDatabase['driver'], 'query'>;

/**
 * A readable dump of everything in one schema, from pg_catalog: one line per object or attribute.
 * Golden DB tests assert lines appear or vanish; invert tests compare whole dumps before and after.
 */
// Privileges without the owner's own entry, NULL read as the object kind's default.
const acl = (column: string, kind: string, owner: string): string =>
  `coalesce(pg_catalog.array_to_string(ARRAY(SELECT x::text FROM pg_catalog.unnest(coalesce(${column},
   pg_catalog.acldefault(${kind === 'r' ? `CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END` : `'${kind}'`}::"char", ${owner}))) AS x WHERE x::text NOT LIKE (pg_catalog.pg_get_userbyid(${owner}) || '=%')), ','), '')`;

const QUERIES = (): readonly string[] => [
  `SELECT 'schema ' || n.nspname || ' comment=' || coalesce(pg_catalog.obj_description(n.oid, 'pg_namespace'), '')
     || ' acl=' || ${acl('n.nspacl', 'n', 'n.nspowner')} AS line
   FROM pg_catalog.pg_namespace n WHERE n.nspname = ANY($1::text[])`,
  `SELECT 'extension ' || e.extname || ' ' || e.extversion
     || ' comment=' || coalesce(pg_catalog.obj_description(e.oid, 'pg_extension'), '') AS line
   FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE n.nspname = ANY($1::text[])`,
  `SELECT 'relation ' || c.relname || ' kind=' || c.relkind::text || ' persistence=' || c.relpersistence::text
     || ' rls=' || c.relrowsecurity::text || ' force=' || c.relforcerowsecurity
     || ' options=' || coalesce(c.reloptions::text, '')
     || ' partkey=' || coalesce(pg_catalog.pg_get_partkeydef(c.oid), '')
     || ' bound=' || coalesce(pg_catalog.pg_get_expr(c.relpartbound, c.oid), '')
     || ' inherits=' || coalesce((SELECT string_agg(p.relname, ',' ORDER BY i.inhseqno) FROM pg_catalog.pg_inherits i
          JOIN pg_catalog.pg_class p ON p.oid = i.inhparent WHERE i.inhrelid = c.oid AND c.relkind <> 'i'), '')
     || ' comment=' || coalesce(pg_catalog.obj_description(c.oid, 'pg_class'), '')
     || ' acl=' || ${acl('c.relacl', 'r', 'c.relowner')} AS line
   FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = ANY($1::text[]) AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'i', 'I')`,
  `SELECT 'column ' || c.relname || '.' || a.attname || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod)
     || ' notnull=' || a.attnotnull || ' identity=' || a.attidentity::text || ' generated=' || a.attgenerated::text
     || ' default=' || coalesce(pg_catalog.pg_get_expr(d.adbin, d.adrelid), '')
     || ' collation=' || coalesce((SELECT co.collname FROM pg_catalog.pg_collation co WHERE co.oid = a.attcollation
          AND a.attcollation <> t.typcollation), '')
     || ' comment=' || coalesce(pg_catalog.col_description(c.oid, a.attnum), '') AS line
   FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
   JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
   LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
   WHERE n.nspname = ANY($1::text[]) AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'c')`,
  `SELECT 'constraint ' || coalesce(c.relname, t.typname) || '.' || k.conname || ' ' || pg_catalog.pg_get_constraintdef(k.oid)
     || ' validated=' || k.convalidated
     || ' comment=' || coalesce(pg_catalog.obj_description(k.oid, 'pg_constraint'), '') AS line
   FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_namespace n ON n.oid = k.connamespace
   LEFT JOIN pg_catalog.pg_class c ON c.oid = k.conrelid LEFT JOIN pg_catalog.pg_type t ON t.oid = k.contypid
   WHERE n.nspname = ANY($1::text[]) AND k.contype <> 'n'`,
  `SELECT 'colattr ' || c.relname || '.' || a.attname || ' stat=' || coalesce(a.attstattarget::int, -1)
     || ' storage=' || a.attstorage::text || ' compression=' || a.attcompression::text AS line
   FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
   JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
   WHERE n.nspname = ANY($1::text[]) AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p')
     AND (coalesce(a.attstattarget::int, -1) <> -1 OR a.attstorage <> t.typstorage OR a.attcompression <> '')`,
  `SELECT 'replica ' || c.relname || ' identity=' || c.relreplident::text AS line
   FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = ANY($1::text[]) AND c.relkind IN ('r', 'p')`,
  `SELECT 'indexflags ' || c.relname || ' clustered=' || i.indisclustered || ' replident=' || i.indisreplident
     || ' valid=' || i.indisvalid AS line
   FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
   JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY($1::text[])`,
  `SELECT 'index ' || c.relname || ' ' || pg_catalog.pg_get_indexdef(c.oid) AS line
   FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
   JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY($1::text[])`,
  `SELECT 'type ' || t.typname || ' typtype=' || t.typtype::text
     || ' base=' || coalesce(pg_catalog.format_type(NULLIF(t.typbasetype, 0), t.typtypmod), '')
     || ' notnull=' || t.typnotnull || ' default=' || coalesce(t.typdefault, '')
     || ' labels=' || coalesce((SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
          FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid), '')
     || ' comment=' || coalesce(pg_catalog.obj_description(t.oid, 'pg_type'), '') AS line
   FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
   WHERE n.nspname = ANY($1::text[]) AND t.typtype IN ('e', 'd', 'c')
     AND (t.typrelid = 0 OR (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid) = 'c')`,
  `SELECT 'sequence ' || c.relname || ' ' || pg_catalog.format_type(s.seqtypid, NULL) || ' start=' || s.seqstart
     || ' inc=' || s.seqincrement || ' min=' || s.seqmin || ' max=' || s.seqmax || ' cache=' || s.seqcache
     || ' cycle=' || s.seqcycle || ' last=' || coalesce(pg_catalog.pg_sequence_last_value(c.oid)::text, '')
     || ' owned=' || coalesce((SELECT r.relname || '.' || a.attname || ':' || d.deptype::text FROM pg_catalog.pg_depend d
          JOIN pg_catalog.pg_class r ON r.oid = d.refobjid
          JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
          WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid
            AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype IN ('a', 'i')), '') AS line
   FROM pg_catalog.pg_sequence s JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
   JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY($1::text[])`,
  `SELECT 'view ' || c.relname || ' ' || pg_catalog.pg_get_viewdef(c.oid, true) || ' populated=' || c.relispopulated AS line
   FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = ANY($1::text[]) AND c.relkind IN ('v', 'm')`,
  `SELECT 'routine ' || p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ') '
     || replace(pg_catalog.pg_get_functiondef(p.oid), E'\\n', ' ')
     || ' comment=' || coalesce(pg_catalog.obj_description(p.oid, 'pg_proc'), '')
     || ' acl=' || ${acl('p.proacl', 'f', 'p.proowner')} AS line
   FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
   WHERE n.nspname = ANY($1::text[]) AND p.prokind IN ('f', 'p')
     AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`,
  `SELECT 'trigger ' || c.relname || '.' || g.tgname || ' ' || pg_catalog.pg_get_triggerdef(g.oid)
     || ' comment=' || coalesce(pg_catalog.obj_description(g.oid, 'pg_trigger'), '') AS line
   FROM pg_catalog.pg_trigger g JOIN pg_catalog.pg_class c ON c.oid = g.tgrelid
   JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY($1::text[]) AND NOT g.tgisinternal`,
  `SELECT 'policy ' || p.tablename || '.' || p.policyname || ' ' || p.permissive || ' ' || p.cmd
     || ' roles=' || p.roles::text || ' using=' || coalesce(p.qual, '') || ' check=' || coalesce(p.with_check, '')
     || ' comment=' || coalesce((SELECT pg_catalog.obj_description(o.oid, 'pg_policy') FROM pg_catalog.pg_policy o
          WHERE o.polname = p.policyname AND o.polrelid = (SELECT c.oid FROM pg_catalog.pg_class c
          JOIN pg_catalog.pg_namespace n2 ON n2.oid = c.relnamespace WHERE n2.nspname = p.schemaname AND c.relname = p.tablename)), '')
     AS line
   FROM pg_catalog.pg_policies p WHERE p.schemaname = ANY($1::text[])`,
  `SELECT 'collation ' || co.collname || ' provider=' || co.collprovider::text
     || ' deterministic=' || co.collisdeterministic
     || ' comment=' || coalesce(pg_catalog.obj_description(co.oid, 'pg_collation'), '')
     || ' collate=' || coalesce(co.collcollate, '') || ' ctype=' || coalesce(co.collctype, '') AS line
   FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace n ON n.oid = co.collnamespace
   WHERE n.nspname = ANY($1::text[])`,
  `SELECT 'rule ' || c.relname || '.' || r.rulename || ' ' || pg_catalog.pg_get_ruledef(r.oid)
     || ' comment=' || coalesce(pg_catalog.obj_description(r.oid, 'pg_rewrite'), '') AS line
   FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
   JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = ANY($1::text[]) AND r.rulename <> '_RETURN'`,
];

export async function dumpSchemas(db: Queryable, schemas: readonly string[]): Promise<string[]> {
  const sql = QUERIES()
    .map((q) => `(${q})`)
    .join('\nUNION ALL\n');
  const result = await db.query<{ line: string }>(sql, [schemas]);
  return result.rows.map((r) => r.line).sort();
}
