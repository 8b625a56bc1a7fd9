-- Table constraints ($1: comma-separated schema OIDs): primary key, unique, check, foreign key,
-- exclusion. Left out: NOT NULL constraints (a column property), constraint triggers (triggers.sql),
-- constraints cloned from a partitioned parent (conparentid) and inherited checks (not conislocal).
-- Columns are attnum arrays (named from columns.sql's rows), so no subquery runs per constraint.
-- Version-specific columns are chosen by the /*@15+*/ ... /*@else*/ ... /*@end*/ markers.
SELECT
  c.conrelid::pg_catalog.int8 AS table_oid,
  c.conname::pg_catalog.text AS name,
  c.contype::pg_catalog.text AS type,
  c.condeferrable AS deferrable,
  c.condeferred AS initially_deferred,
  pg_catalog.to_json(c.conkey) AS columns,
  pg_catalog.to_json(i.indkey::pg_catalog.int2[]) AS index_keys,
  i.indnkeyatts::pg_catalog.int4 AS index_key_count,
  /*@15+*/ COALESCE(i.indnullsnotdistinct, false) /*@else*/ false /*@end*/ AS nulls_not_distinct,
  CASE WHEN c.contype = 'c' THEN pg_catalog.pg_get_expr(c.conbin, c.conrelid) END AS expression,
  c.connoinherit AS no_inherit,
  c.convalidated AS validated,
  rn.nspname::pg_catalog.text AS ref_schema,
  r.relname::pg_catalog.text AS ref_table,
  c.confrelid::pg_catalog.int8 AS ref_oid,
  pg_catalog.to_json(c.confkey) AS ref_columns,
  -- Referenced columns by name only when the referenced table is outside the introspected schemas.
  CASE WHEN NOT (r.relnamespace = ANY (pg_catalog.string_to_array($1::pg_catalog.text, ',')::pg_catalog.oid[])) THEN (
    SELECT pg_catalog.json_agg(a.attname::pg_catalog.text ORDER BY k.ord)
    FROM pg_catalog.unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_catalog.pg_attribute AS a ON a.attrelid = c.confrelid AND a.attnum = k.attnum
  ) END AS ref_column_names,
  c.confmatchtype::pg_catalog.text AS match_type,
  c.confdeltype::pg_catalog.text AS on_delete,
  c.confupdtype::pg_catalog.text AS on_update,
  /*@15+*/ pg_catalog.to_json(c.confdelsetcols) /*@else*/ NULL::pg_catalog.json /*@end*/ AS on_delete_columns,
  CASE WHEN c.contype = 'x' THEN pg_catalog.pg_get_constraintdef(c.oid) END AS definition,
  -- The comment of the index a primary key, unique or exclusion constraint made (COMMENT ON INDEX).
  CASE WHEN c.contype IN ('p', 'u', 'x') THEN (
    SELECT id.description FROM pg_catalog.pg_description AS id
    WHERE id.objoid = c.conindid
      AND id.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND id.objsubid = 0
  ) END AS index_comment,
  d.description AS comment
FROM pg_catalog.pg_constraint AS c
JOIN pg_catalog.pg_class AS t ON t.oid = c.conrelid
LEFT JOIN pg_catalog.pg_index AS i ON i.indexrelid = c.conindid AND c.contype IN ('p', 'u')
LEFT JOIN pg_catalog.pg_class AS r ON r.oid = c.confrelid AND c.contype = 'f'
LEFT JOIN pg_catalog.pg_namespace AS rn ON rn.oid = r.relnamespace
LEFT JOIN pg_catalog.pg_description AS d
  ON d.objoid = c.oid
  AND d.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass
  AND d.objsubid = 0
WHERE c.contype IN ('p', 'u', 'c', 'f', 'x')
  AND t.relkind IN ('r', 'p')
  AND t.relnamespace = ANY (pg_catalog.string_to_array($1::pg_catalog.text, ',')::pg_catalog.oid[])
  AND c.conparentid = 0
  AND (c.contype <> 'c' OR c.conislocal)
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend AS x
    WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND x.objid = t.oid
      AND x.deptype = 'e'
  )
ORDER BY c.conrelid, c.conname
