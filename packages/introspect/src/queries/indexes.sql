-- Indexes on the tables and materialized views of the introspected schemas ($1: comma-separated
-- schema OIDs). Left out: indexes that back a primary key, unique or exclusion constraint (they
-- appear as the constraint) and partition indexes attached to a partitioned parent's index.
-- Keys are read as arrays from pg_index (indkey, indclass, indcollation, indoption) and named from
-- columns.sql's and lookups.sql's rows; only expression keys are deparsed, with
-- pg_get_indexdef(oid, column, true), in key order.
SELECT
  n.nspname::pg_catalog.text AS schema,
  ic.relname::pg_catalog.text AS name,
  t.relname::pg_catalog.text AS table,
  i.indisunique AS "unique",
  am.amname::pg_catalog.text AS method,
  i.indrelid::pg_catalog.int8 AS table_oid,
  i.indnkeyatts::pg_catalog.int4 AS key_count,
  pg_catalog.to_json(i.indkey::pg_catalog.int2[]) AS attnums,
  pg_catalog.to_json(i.indclass::pg_catalog.oid[]) AS opclasses,
  pg_catalog.to_json(i.indcollation::pg_catalog.oid[]) AS collations,
  pg_catalog.to_json(i.indoption::pg_catalog.int2[]) AS key_options,
  CASE WHEN i.indexprs IS NOT NULL THEN (
    SELECT pg_catalog.json_agg(pg_catalog.pg_get_indexdef(i.indexrelid, k.n, true) ORDER BY k.n)
    FROM pg_catalog.generate_series(1, i.indnkeyatts::pg_catalog.int4) AS k(n)
    WHERE i.indkey[k.n - 1] = 0
  ) END AS expressions,
  pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) AS "where",
  /*@15+*/ i.indnullsnotdistinct /*@else*/ false /*@end*/ AS nulls_not_distinct,
  pg_catalog.to_json(ic.reloptions) AS options,
  d.description AS comment
FROM pg_catalog.pg_index AS i
JOIN pg_catalog.pg_class AS ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_class AS t ON t.oid = i.indrelid
JOIN pg_catalog.pg_namespace AS n ON n.oid = t.relnamespace
JOIN pg_catalog.pg_am AS am ON am.oid = ic.relam
LEFT JOIN pg_catalog.pg_description AS d
  ON d.objoid = ic.oid
  AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
  AND d.objsubid = 0
WHERE t.relkind IN ('r', 'p', 'm')
  AND t.relnamespace = ANY (pg_catalog.string_to_array($1::pg_catalog.text, ',')::pg_catalog.oid[])
  AND NOT ic.relispartition
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_constraint AS c
    WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u', 'x')
  )
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend AS x
    WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND x.objid = t.oid
      AND x.deptype = 'e'
  )
ORDER BY n.nspname, ic.relname
