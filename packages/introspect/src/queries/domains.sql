-- Domains in the introspected schemas ($1: comma-separated schema OIDs) with their checks.
-- The base type is described by type_* columns (see typeRef in src/map/types.ts).
SELECT
  n.nspname::pg_catalog.text AS schema,
  t.typname::pg_catalog.text AS name,
  tn.nspname::pg_catalog.text AS type_schema,
  et.typname::pg_catalog.text AS type_name,
  pg_catalog.format_type(et.oid, t.typtypmod) AS type_format,
  pg_catalog.format_type(et.oid, NULL) AS type_bare,
  (et.oid OPERATOR(pg_catalog.<>) bt.oid) AS type_array,
  t.typtypmod AS type_mod,
  cn.nspname::pg_catalog.text AS collation_schema,
  co.collname::pg_catalog.text AS collation_name,
  pg_catalog.pg_get_expr(t.typdefaultbin, 0::pg_catalog.oid) AS "default",
  t.typnotnull AS not_null,
  (
    SELECT pg_catalog.json_agg(
      pg_catalog.json_build_object(
        'name', c.conname::pg_catalog.text,
        'expression', pg_catalog.pg_get_expr(c.conbin, 0::pg_catalog.oid)
      )
      ORDER BY c.conname
    )
    FROM pg_catalog.pg_constraint AS c
    WHERE c.contypid = t.oid AND c.contype = 'c'
  ) AS checks,
  d.description AS comment
FROM pg_catalog.pg_type AS t
JOIN pg_catalog.pg_namespace AS n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_type AS bt ON bt.oid = t.typbasetype
LEFT JOIN pg_catalog.pg_type AS be ON be.oid = bt.typelem AND be.typarray = bt.oid
JOIN pg_catalog.pg_type AS et ON et.oid = COALESCE(be.oid, bt.oid)
JOIN pg_catalog.pg_namespace AS tn ON tn.oid = et.typnamespace
LEFT JOIN pg_catalog.pg_collation AS co
  ON co.oid = t.typcollation AND t.typcollation OPERATOR(pg_catalog.<>) bt.typcollation
LEFT JOIN pg_catalog.pg_namespace AS cn ON cn.oid = co.collnamespace
LEFT JOIN pg_catalog.pg_description AS d
  ON d.objoid = t.oid
  AND d.classoid = 'pg_catalog.pg_type'::pg_catalog.regclass
  AND d.objsubid = 0
WHERE t.typtype = 'd'
  AND t.typnamespace = ANY (pg_catalog.string_to_array($1::pg_catalog.text, ',')::pg_catalog.oid[])
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend AS x
    WHERE x.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
      AND x.objid = t.oid
      AND x.deptype = 'e'
  )
ORDER BY n.nspname, t.typname
