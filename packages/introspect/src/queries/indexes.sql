-- Indexes on the tables and materialized views of the introspected schemas ($1: comma-separated
-- schema OIDs). Left out: indexes that back a primary key, unique or exclusion constraint (they
-- appear as the constraint) and partition indexes attached to a partitioned parent's index.
-- Keys are read from pg_index (indkey, indclass, indcollation, indoption); only expression keys
-- are deparsed, with pg_get_indexdef(oid, column, true).
SELECT
  n.nspname::pg_catalog.text AS schema,
  ic.relname::pg_catalog.text AS name,
  t.relname::pg_catalog.text AS table,
  i.indisunique AS "unique",
  am.amname::pg_catalog.text AS method,
  (
    SELECT pg_catalog.json_agg(
      pg_catalog.json_build_object(
        'column', a.attname::pg_catalog.text,
        'expression', CASE
          WHEN i.indkey[k.n - 1] = 0 THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.n::pg_catalog.int4, true)
        END,
        'collation_schema', cn.nspname::pg_catalog.text,
        'collation_name', co.collname::pg_catalog.text,
        'opclass_schema', CASE WHEN NOT oc.opcdefault THEN ocn.nspname::pg_catalog.text END,
        'opclass_name', CASE WHEN NOT oc.opcdefault THEN oc.opcname::pg_catalog.text END,
        'option', i.indoption[k.n - 1]
      )
      ORDER BY k.n
    )
    FROM pg_catalog.generate_series(1, i.indnkeyatts::pg_catalog.int4) AS k(n)
    LEFT JOIN pg_catalog.pg_attribute AS a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.n - 1]
    LEFT JOIN pg_catalog.pg_collation AS co
      ON co.oid = i.indcollation[k.n - 1]
      AND i.indcollation[k.n - 1] OPERATOR(pg_catalog.<>) COALESCE(a.attcollation, 100::pg_catalog.oid)
    LEFT JOIN pg_catalog.pg_namespace AS cn ON cn.oid = co.collnamespace
    LEFT JOIN pg_catalog.pg_opclass AS oc ON oc.oid = i.indclass[k.n - 1]
    LEFT JOIN pg_catalog.pg_namespace AS ocn ON ocn.oid = oc.opcnamespace
  ) AS keys,
  (
    SELECT pg_catalog.json_agg(a.attname::pg_catalog.text ORDER BY k.n)
    FROM pg_catalog.generate_series(i.indnkeyatts, i.indnatts - 1) AS k(n)
    JOIN pg_catalog.pg_attribute AS a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.n]
  ) AS include,
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
