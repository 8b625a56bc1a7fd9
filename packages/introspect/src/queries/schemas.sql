-- User schemas: not system, temporary or toast schemas, not owned by an extension.
-- $1: JSON array of schema names to include, or null for every user schema.
-- $2: JSON array of schema names to exclude.
SELECT
  n.oid::pg_catalog.int8 AS oid,
  n.nspname::pg_catalog.text AS name,
  d.description AS comment
FROM pg_catalog.pg_namespace AS n
LEFT JOIN pg_catalog.pg_description AS d
  ON d.objoid = n.oid
  AND d.classoid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
  AND d.objsubid = 0
WHERE n.nspname OPERATOR(pg_catalog.<>) 'information_schema'
  AND n.nspname::pg_catalog.text NOT LIKE 'pg\_%'
  AND (
    $1::pg_catalog.jsonb IS NULL
    OR n.nspname::pg_catalog.text IN (SELECT pg_catalog.jsonb_array_elements_text($1::pg_catalog.jsonb))
  )
  AND n.nspname::pg_catalog.text NOT IN (SELECT pg_catalog.jsonb_array_elements_text($2::pg_catalog.jsonb))
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend AS e
    WHERE e.classid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
      AND e.objid = n.oid
      AND e.deptype = 'e'
  )
ORDER BY n.nspname
