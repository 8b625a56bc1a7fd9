-- User triggers (not internal ones, not clones on partitions) on the tables and views of the
-- introspected schemas ($1: comma-separated schema OIDs). tgtype is decoded in src/map/triggers.ts;
-- WHEN is cut out of pg_get_triggerdef, whose pieces around it are returned quoted for that purpose.
SELECT
  n.nspname::pg_catalog.text AS schema,
  c.relname::pg_catalog.text AS table,
  t.tgname::pg_catalog.text AS name,
  t.tgtype::pg_catalog.int4 AS type,
  (
    SELECT pg_catalog.json_agg(a.attname::pg_catalog.text ORDER BY k.ord)
    FROM pg_catalog.unnest(t.tgattr::pg_catalog.int2[]) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_catalog.pg_attribute AS a ON a.attrelid = t.tgrelid AND a.attnum = k.attnum
  ) AS update_columns,
  pn.nspname::pg_catalog.text AS function_schema,
  p.proname::pg_catalog.text AS function_name,
  t.tgnargs::pg_catalog.int4 AS nargs,
  pg_catalog.encode(t.tgargs, 'hex') AS args_hex,
  (t.tgconstraint OPERATOR(pg_catalog.<>) 0::pg_catalog.oid) AS is_constraint,
  t.tgdeferrable AS deferrable,
  t.tginitdeferred AS initially_deferred,
  CASE WHEN t.tgqual IS NOT NULL THEN pg_catalog.pg_get_triggerdef(t.oid, false) END AS definition,
  CASE
    WHEN pn.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(p.proname)
    ELSE pg_catalog.quote_ident(pn.nspname) || '.' || pg_catalog.quote_ident(p.proname)
  END AS function_quoted,
  d.description AS comment
FROM pg_catalog.pg_trigger AS t
JOIN pg_catalog.pg_class AS c ON c.oid = t.tgrelid
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_proc AS p ON p.oid = t.tgfoid
JOIN pg_catalog.pg_namespace AS pn ON pn.oid = p.pronamespace
LEFT JOIN pg_catalog.pg_description AS d
  ON d.objoid = t.oid
  AND d.classoid = 'pg_catalog.pg_trigger'::pg_catalog.regclass
  AND d.objsubid = 0
WHERE NOT t.tgisinternal
  AND t.tgparentid = 0
  AND c.relkind IN ('r', 'p', 'v', 'm')
  AND c.relnamespace = ANY (pg_catalog.string_to_array($1::pg_catalog.text, ',')::pg_catalog.oid[])
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend AS x
    WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND x.objid = c.oid
      AND x.deptype = 'e'
  )
ORDER BY n.nspname, c.relname, t.tgname
