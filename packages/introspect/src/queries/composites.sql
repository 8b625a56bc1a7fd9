-- Stand-alone composite types (CREATE TYPE ... AS (...)) in the introspected schemas
-- ($1: comma-separated schema OIDs); attributes in attnum order.
SELECT
  n.nspname::pg_catalog.text AS schema,
  t.typname::pg_catalog.text AS name,
  (
    SELECT pg_catalog.json_agg(
      pg_catalog.json_build_object(
        'name', a.attname::pg_catalog.text,
        'type_schema', tn.nspname::pg_catalog.text,
        'type_name', et.typname::pg_catalog.text,
        'type_format', pg_catalog.format_type(et.oid, a.atttypmod),
        'type_bare', pg_catalog.format_type(et.oid, NULL),
        'type_array', (et.oid OPERATOR(pg_catalog.<>) at.oid),
        'type_mod', a.atttypmod,
        'collation_schema', cn.nspname::pg_catalog.text,
        'collation_name', co.collname::pg_catalog.text
      )
      ORDER BY a.attnum
    )
    FROM pg_catalog.pg_attribute AS a
    JOIN pg_catalog.pg_type AS at ON at.oid = a.atttypid
    LEFT JOIN pg_catalog.pg_type AS ae ON ae.oid = at.typelem AND ae.typarray = at.oid
    JOIN pg_catalog.pg_type AS et ON et.oid = COALESCE(ae.oid, at.oid)
    JOIN pg_catalog.pg_namespace AS tn ON tn.oid = et.typnamespace
    LEFT JOIN pg_catalog.pg_collation AS co
      ON co.oid = a.attcollation AND a.attcollation OPERATOR(pg_catalog.<>) at.typcollation
    LEFT JOIN pg_catalog.pg_namespace AS cn ON cn.oid = co.collnamespace
    WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
  ) AS attributes,
  d.description AS comment
FROM pg_catalog.pg_type AS t
JOIN pg_catalog.pg_namespace AS n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_class AS r ON r.oid = t.typrelid
LEFT JOIN pg_catalog.pg_description AS d
  ON d.objoid = t.oid
  AND d.classoid = 'pg_catalog.pg_type'::pg_catalog.regclass
  AND d.objsubid = 0
WHERE t.typtype = 'c'
  AND r.relkind = 'c'
  AND t.typnamespace = ANY (pg_catalog.string_to_array($1::pg_catalog.text, ',')::pg_catalog.oid[])
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend AS x
    WHERE x.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
      AND x.objid = t.oid
      AND x.deptype = 'e'
  )
ORDER BY n.nspname, t.typname
