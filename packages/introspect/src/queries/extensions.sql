-- Extensions installed in an introspected schema ($1: comma-separated schema OIDs).
-- Their member objects are left out of every other query (pg_depend deptype 'e').
SELECT
  x.extname::pg_catalog.text AS name,
  n.nspname::pg_catalog.text AS schema,
  x.extversion AS version
FROM pg_catalog.pg_extension AS x
JOIN pg_catalog.pg_namespace AS n ON n.oid = x.extnamespace
WHERE x.extnamespace = ANY (pg_catalog.string_to_array($1::pg_catalog.text, ',')::pg_catalog.oid[])
ORDER BY x.extname
