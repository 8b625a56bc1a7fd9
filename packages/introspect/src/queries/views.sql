-- Views and materialized views in the introspected schemas ($1: comma-separated schema OIDs).
-- Bodies as pg_get_viewdef(oid, true) prints them under search_path = pg_catalog, so every user
-- object in them is schema-qualified.
SELECT
  n.nspname::pg_catalog.text AS schema,
  c.relname::pg_catalog.text AS name,
  (c.relkind = 'm') AS materialized,
  pg_catalog.pg_get_viewdef(c.oid, true) AS definition,
  pg_catalog.to_json(c.reloptions) AS options,
  (
    SELECT pg_catalog.json_agg(
      pg_catalog.json_build_array(a.attname::pg_catalog.text, cd.description)
      ORDER BY a.attnum
    )
    FROM pg_catalog.pg_description AS cd
    JOIN pg_catalog.pg_attribute AS a ON a.attrelid = cd.objoid AND a.attnum = cd.objsubid
    WHERE cd.objoid = c.oid
      AND cd.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND cd.objsubid > 0
  ) AS column_comments,
  d.description AS comment
FROM pg_catalog.pg_class AS c
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description AS d
  ON d.objoid = c.oid
  AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
  AND d.objsubid = 0
WHERE c.relkind IN ('v', 'm')
  AND c.relnamespace = ANY (pg_catalog.string_to_array($1::pg_catalog.text, ',')::pg_catalog.oid[])
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend AS x
    WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND x.objid = c.oid
      AND x.deptype = 'e'
  )
ORDER BY n.nspname, c.relname
