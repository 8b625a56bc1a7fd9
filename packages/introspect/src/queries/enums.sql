-- Enum types in the introspected schemas ($1: comma-separated schema OIDs), values in sort order.
SELECT
  n.nspname::pg_catalog.text AS schema,
  t.typname::pg_catalog.text AS name,
  (
    SELECT pg_catalog.json_agg(e.enumlabel::pg_catalog.text ORDER BY e.enumsortorder)
    FROM pg_catalog.pg_enum AS e
    WHERE e.enumtypid = t.oid
  ) AS "values",
  d.description AS comment
FROM pg_catalog.pg_type AS t
JOIN pg_catalog.pg_namespace AS n ON n.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_description AS d
  ON d.objoid = t.oid
  AND d.classoid = 'pg_catalog.pg_type'::pg_catalog.regclass
  AND d.objsubid = 0
WHERE t.typtype = 'e'
  AND t.typnamespace = ANY (pg_catalog.string_to_array($1::pg_catalog.text, ',')::pg_catalog.oid[])
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend AS x
    WHERE x.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
      AND x.objid = t.oid
      AND x.deptype = 'e'
  )
ORDER BY n.nspname, t.typname
