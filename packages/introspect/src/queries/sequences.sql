-- Free sequences in the introspected schemas ($1: comma-separated schema OIDs). Identity
-- sequences (pg_depend deptype 'i' on a column) are left out: they are column properties.
-- A serial's sequence (deptype 'a', OWNED BY) stays here with its owner. Unlogged from PostgreSQL 15.
SELECT
  n.nspname::pg_catalog.text AS schema,
  c.relname::pg_catalog.text AS name,
  pg_catalog.format_type(s.seqtypid, NULL) AS type,
  s.seqstart::pg_catalog.text AS start,
  s.seqincrement::pg_catalog.text AS increment,
  s.seqmin::pg_catalog.text AS min_value,
  s.seqmax::pg_catalog.text AS max_value,
  s.seqcache::pg_catalog.text AS cache,
  s.seqcycle AS cycle,
  (c.relpersistence = 'u') AS unlogged,
  own.table_schema,
  own.table_name,
  own.column_name,
  d.description AS comment
FROM pg_catalog.pg_class AS c
JOIN pg_catalog.pg_sequence AS s ON s.seqrelid = c.oid
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
LEFT JOIN LATERAL (
  SELECT
    tn.nspname::pg_catalog.text AS table_schema,
    t.relname::pg_catalog.text AS table_name,
    a.attname::pg_catalog.text AS column_name
  FROM pg_catalog.pg_depend AS dep
  JOIN pg_catalog.pg_class AS t ON t.oid = dep.refobjid
  JOIN pg_catalog.pg_namespace AS tn ON tn.oid = t.relnamespace
  JOIN pg_catalog.pg_attribute AS a ON a.attrelid = dep.refobjid AND a.attnum = dep.refobjsubid
  WHERE dep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
    AND dep.objid = c.oid
    AND dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
    AND dep.refobjsubid > 0
    AND dep.deptype = 'a'
  LIMIT 1
) AS own ON true
LEFT JOIN pg_catalog.pg_description AS d
  ON d.objoid = c.oid
  AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
  AND d.objsubid = 0
WHERE c.relkind = 'S'
  AND c.relnamespace = ANY (pg_catalog.string_to_array($1::pg_catalog.text, ',')::pg_catalog.oid[])
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend AS x
    WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND x.objid = c.oid
      AND x.deptype IN ('e', 'i')
  )
ORDER BY n.nspname, c.relname
