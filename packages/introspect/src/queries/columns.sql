-- Columns of the tables read by tables.sql ($1: comma-separated schema OIDs), in attnum order,
-- dropped columns skipped. Materialized views' columns come too: constraints and indexes name their
-- columns by attnum from these rows. An identity column carries its sequence's options as JSON; a
-- collation other than the type's is an OID, named from lookups.sql's rows. A column a table has only
-- from its INHERITS parents is marked inherited.
SELECT
  a.attrelid::pg_catalog.int8 AS table_oid,
  a.attnum::pg_catalog.int4 AS attnum,
  a.attcollation::pg_catalog.int8 AS collation_oid,
  a.attname::pg_catalog.text AS name,
  tn.nspname::pg_catalog.text AS type_schema,
  et.typname::pg_catalog.text AS type_name,
  pg_catalog.format_type(et.oid, a.atttypmod) AS type_format,
  CASE
    WHEN a.atttypmod >= 0 AND et.typnamespace OPERATOR(pg_catalog.<>) 'pg_catalog'::pg_catalog.regnamespace
    THEN pg_catalog.format_type(et.oid, NULL)
  END AS type_bare,
  (et.oid OPERATOR(pg_catalog.<>) t.oid) AS type_array,
  a.atttypmod AS type_mod,
  a.attnotnull AS not_null,
  CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS "default",
  CASE WHEN a.attgenerated = 's' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS generated,
  CASE WHEN a.attcollation OPERATOR(pg_catalog.<>) t.typcollation THEN a.attcollation::pg_catalog.int8 END
    AS column_collation,
  CASE WHEN a.attidentity <> '' THEN (
    SELECT pg_catalog.json_build_object(
      'generation', a.attidentity::pg_catalog.text,
      'name', sc.relname::pg_catalog.text,
      'type', pg_catalog.format_type(s.seqtypid, NULL),
      'start', s.seqstart::pg_catalog.text,
      'increment', s.seqincrement::pg_catalog.text,
      'min', s.seqmin::pg_catalog.text,
      'max', s.seqmax::pg_catalog.text,
      'cache', s.seqcache::pg_catalog.text,
      'cycle', s.seqcycle
    )
    FROM pg_catalog.pg_depend AS dep
    JOIN pg_catalog.pg_class AS sc ON sc.oid = dep.objid
    JOIN pg_catalog.pg_sequence AS s ON s.seqrelid = sc.oid
    WHERE dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND dep.refobjid = a.attrelid
      AND dep.refobjsubid = a.attnum
      AND dep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND dep.deptype = 'i'
      AND sc.relkind = 'S'
    LIMIT 1
  ) END AS identity,
  -- Only from INHERITS parents (not declared by the table itself); partitions are left out.
  (a.attinhcount > 0 AND NOT a.attislocal AND NOT c.relispartition) AS inherited,
  -- SET STATISTICS (-1, or NULL from PostgreSQL 17, is the default), SET STORAGE with the type's
  -- own mode, SET COMPRESSION ('' is the default).
  a.attstattarget::pg_catalog.int4 AS statistics,
  a.attstorage::pg_catalog.text AS storage,
  t.typstorage::pg_catalog.text AS type_storage,
  /*@14+*/ a.attcompression::pg_catalog.text /*@else*/ ''::pg_catalog.text /*@end*/ AS compression,
  d.description AS comment
FROM pg_catalog.pg_attribute AS a
JOIN pg_catalog.pg_class AS c ON c.oid = a.attrelid
JOIN pg_catalog.pg_type AS t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_type AS te ON te.oid = t.typelem AND te.typarray = t.oid
JOIN pg_catalog.pg_type AS et ON et.oid = COALESCE(te.oid, t.oid)
JOIN pg_catalog.pg_namespace AS tn ON tn.oid = et.typnamespace
LEFT JOIN pg_catalog.pg_attrdef AS ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_description AS d
  ON d.objoid = a.attrelid
  AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
  AND d.objsubid = a.attnum
WHERE c.relkind IN ('r', 'p', 'm')
  AND c.relnamespace = ANY (pg_catalog.string_to_array($1::pg_catalog.text, ',')::pg_catalog.oid[])
  AND a.attnum > 0
  AND NOT a.attisdropped
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend AS x
    WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND x.objid = c.oid
      AND x.deptype = 'e'
  )
ORDER BY a.attrelid, a.attnum
