-- Ordinary and partitioned tables in the introspected schemas ($1: comma-separated schema OIDs),
-- with persistence, row security, partitioning, inheritance (in order), storage parameters, replica
-- identity (and its index) and the index CLUSTER ON marked.
SELECT
  c.oid::pg_catalog.int8 AS oid,
  n.nspname::pg_catalog.text AS schema,
  c.relname::pg_catalog.text AS name,
  (c.relpersistence = 'u') AS unlogged,
  c.relrowsecurity AS row_security,
  c.relforcerowsecurity AS force_row_security,
  CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_by,
  CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
  (
    SELECT pg_catalog.json_agg(
      pg_catalog.json_build_object('schema', pn.nspname::pg_catalog.text, 'name', p.relname::pg_catalog.text)
      ORDER BY i.inhseqno
    )
    FROM pg_catalog.pg_inherits AS i
    JOIN pg_catalog.pg_class AS p ON p.oid = i.inhparent
    JOIN pg_catalog.pg_namespace AS pn ON pn.oid = p.relnamespace
    WHERE i.inhrelid = c.oid
  ) AS parents,
  pg_catalog.to_json(c.reloptions) AS options,
  c.relreplident::pg_catalog.text AS replica_identity,
  (
    SELECT ic.relname::pg_catalog.text
    FROM pg_catalog.pg_index AS ri
    JOIN pg_catalog.pg_class AS ic ON ic.oid = ri.indexrelid
    WHERE ri.indrelid = c.oid AND ri.indisreplident
  ) AS replica_index,
  (
    SELECT ic.relname::pg_catalog.text
    FROM pg_catalog.pg_index AS ci
    JOIN pg_catalog.pg_class AS ic ON ic.oid = ci.indexrelid
    WHERE ci.indrelid = c.oid AND ci.indisclustered
  ) AS cluster_index,
  d.description AS comment
FROM pg_catalog.pg_class AS c
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description AS d
  ON d.objoid = c.oid
  AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
  AND d.objsubid = 0
WHERE c.relkind IN ('r', 'p')
  AND c.relnamespace = ANY (pg_catalog.string_to_array($1::pg_catalog.text, ',')::pg_catalog.oid[])
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend AS x
    WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND x.objid = c.oid
      AND x.deptype = 'e'
  )
ORDER BY n.nspname, c.relname
