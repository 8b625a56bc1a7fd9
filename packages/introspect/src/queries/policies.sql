-- Row-level security policies on the tables of the introspected schemas ($1: comma-separated
-- schema OIDs). Role OID 0 is PUBLIC.
SELECT
  pol.polrelid::pg_catalog.int8 AS table_oid,
  pol.polname::pg_catalog.text AS name,
  pol.polpermissive AS permissive,
  pol.polcmd::pg_catalog.text AS command,
  (
    SELECT pg_catalog.json_agg(
      CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::pg_catalog.text END
    )
    FROM pg_catalog.unnest(pol.polroles) AS r(oid)
  ) AS roles,
  pg_catalog.pg_get_expr(pol.polqual, pol.polrelid) AS using,
  pg_catalog.pg_get_expr(pol.polwithcheck, pol.polrelid) AS with_check,
  d.description AS comment
FROM pg_catalog.pg_policy AS pol
JOIN pg_catalog.pg_class AS c ON c.oid = pol.polrelid
LEFT JOIN pg_catalog.pg_description AS d
  ON d.objoid = pol.oid
  AND d.classoid = 'pg_catalog.pg_policy'::pg_catalog.regclass
  AND d.objsubid = 0
WHERE c.relkind IN ('r', 'p')
  AND c.relnamespace = ANY (pg_catalog.string_to_array($1::pg_catalog.text, ',')::pg_catalog.oid[])
ORDER BY pol.polrelid, pol.polname
