-- Privileges (only read when asked) on the schemas, tables, views, sequences and functions of the
-- introspected schemas ($1: comma-separated schema OIDs). A NULL ACL is read as its default
-- (acldefault), and the owner's own privileges are left out, so that the result does not depend
-- on who owns the objects. Grantee OID 0 is PUBLIC.
WITH objects AS (
  SELECT 'schema'::pg_catalog.text AS kind, n.nspname::pg_catalog.text AS schema,
    n.nspname::pg_catalog.text AS name, NULL::pg_catalog.text AS arguments,
    n.nspowner AS owner, COALESCE(n.nspacl, pg_catalog.acldefault('n', n.nspowner)) AS acl
  FROM pg_catalog.pg_namespace AS n
  WHERE n.oid = ANY (pg_catalog.string_to_array($1::pg_catalog.text, ',')::pg_catalog.oid[])
  UNION ALL
  SELECT CASE WHEN c.relkind = 'S' THEN 'sequence' ELSE 'table' END, n.nspname::pg_catalog.text,
    c.relname::pg_catalog.text, NULL::pg_catalog.text, c.relowner,
    COALESCE(c.relacl, pg_catalog.acldefault(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::pg_catalog."char", c.relowner))
  FROM pg_catalog.pg_class AS c
  JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S')
    AND c.relnamespace = ANY (pg_catalog.string_to_array($1::pg_catalog.text, ',')::pg_catalog.oid[])
    AND NOT EXISTS (
      SELECT FROM pg_catalog.pg_depend AS x
      WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
        AND x.objid = c.oid
        AND x.deptype IN ('e', 'i')
    )
  UNION ALL
  SELECT 'function', n.nspname::pg_catalog.text, p.proname::pg_catalog.text,
    pg_catalog.pg_get_function_identity_arguments(p.oid), p.proowner,
    COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner))
  FROM pg_catalog.pg_proc AS p
  JOIN pg_catalog.pg_namespace AS n ON n.oid = p.pronamespace
  WHERE p.prokind IN ('f', 'p')
    AND p.pronamespace = ANY (pg_catalog.string_to_array($1::pg_catalog.text, ',')::pg_catalog.oid[])
    AND NOT EXISTS (
      SELECT FROM pg_catalog.pg_depend AS x
      WHERE x.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
        AND x.objid = p.oid
        AND x.deptype = 'e'
    )
)
SELECT
  o.kind AS object_kind,
  o.schema,
  o.name,
  o.arguments,
  CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(a.grantee)::pg_catalog.text END AS grantee,
  a.is_grantable AS grantable,
  pg_catalog.json_agg(a.privilege_type ORDER BY a.privilege_type) AS privileges
FROM objects AS o
CROSS JOIN LATERAL pg_catalog.aclexplode(o.acl) AS a
WHERE a.grantee OPERATOR(pg_catalog.<>) o.owner
GROUP BY o.kind, o.schema, o.name, o.arguments, a.grantee, a.is_grantable
ORDER BY 1, 2, 3, 4, 5, 6
