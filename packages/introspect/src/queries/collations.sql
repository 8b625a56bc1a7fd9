-- User-defined collations (CREATE COLLATION) in the introspected schemas ($1: comma-separated
-- schema OIDs); extension members excluded. The ICU or builtin locale moved from colliculocale
-- (PostgreSQL 15, 16) to colllocale (17+), and older servers kept an ICU locale in collcollate:
-- read through to_jsonb so that one text serves every major. collversion is the server's
-- library version, not part of the schema.
SELECT
  n.nspname::pg_catalog.text AS schema,
  co.collname::pg_catalog.text AS name,
  co.collprovider::pg_catalog.text AS provider,
  COALESCE(
    pg_catalog.to_jsonb(co) OPERATOR(pg_catalog.->>) 'colllocale',
    pg_catalog.to_jsonb(co) OPERATOR(pg_catalog.->>) 'colliculocale',
    CASE WHEN co.collprovider = 'i' THEN pg_catalog.to_jsonb(co) OPERATOR(pg_catalog.->>) 'collcollate' END
  ) AS locale,
  CASE WHEN co.collprovider = 'c' THEN pg_catalog.to_jsonb(co) OPERATOR(pg_catalog.->>) 'collcollate' END
    AS lc_collate,
  CASE WHEN co.collprovider = 'c' THEN pg_catalog.to_jsonb(co) OPERATOR(pg_catalog.->>) 'collctype' END
    AS lc_ctype,
  co.collisdeterministic AS deterministic,
  pg_catalog.to_jsonb(co) OPERATOR(pg_catalog.->>) 'collicurules' AS icu_rules,
  d.description AS comment
FROM pg_catalog.pg_collation AS co
JOIN pg_catalog.pg_namespace AS n ON n.oid = co.collnamespace
LEFT JOIN pg_catalog.pg_description AS d
  ON d.objoid = co.oid
  AND d.classoid = 'pg_catalog.pg_collation'::pg_catalog.regclass
  AND d.objsubid = 0
WHERE co.collnamespace = ANY (pg_catalog.string_to_array($1::pg_catalog.text, ',')::pg_catalog.oid[])
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend AS x
    WHERE x.classid = 'pg_catalog.pg_collation'::pg_catalog.regclass
      AND x.objid = co.oid
      AND x.deptype = 'e'
  )
ORDER BY n.nspname, co.collname
