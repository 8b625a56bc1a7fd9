-- What each object of the introspected schemas ($1: comma-separated schema OIDs) depends on, from
-- pg_depend (a view's or rule's dependencies are recorded for its pg_rewrite row): views, column
-- defaults, constraints, indexes, policies, triggers, rules, routines (SQL-standard bodies record
-- what they read; string bodies record only their argument and result types) and column types.
-- Both ends are named, never by OID: a relation's row type is the relation, an array type its
-- element, an index that backs a constraint is the constraint, a view's _RETURN rule is the view.
-- Normal and automatic dependencies, and a partition's index on the parent's index it is attached
-- to and on its table (deptypes P and S: the partition's index is not in the snapshot's indexes,
-- but a plan that detaches the partition must know the index the table keeps); extension members
-- and system objects are left out.
WITH ns AS (
  SELECT n.oid, n.nspname::pg_catalog.text AS nspname
  FROM pg_catalog.pg_namespace AS n
  WHERE n.oid = ANY (pg_catalog.string_to_array($1::pg_catalog.text, ',')::pg_catalog.oid[])
),
-- A constraint PostgreSQL cloned from a partitioned table's (conparentid: a partition's copy of a
-- foreign key, or the referencing table's copy for each partition of a referenced partitioned table)
-- is not in the snapshot: it is named as the constraint it was cloned from, whose drop takes it
-- (its root: four levels of sub-partitioning; a recursive CTE here made the query 3-5 times slower).
roots AS (
  SELECT k.oid, COALESCE(p4.oid, p3.oid, p2.oid, p1.oid, k.oid) AS root
  FROM pg_catalog.pg_constraint AS k
  LEFT JOIN pg_catalog.pg_constraint AS p1 ON p1.oid = k.conparentid
  LEFT JOIN pg_catalog.pg_constraint AS p2 ON p2.oid = p1.conparentid
  LEFT JOIN pg_catalog.pg_constraint AS p3 ON p3.oid = p2.conparentid
  LEFT JOIN pg_catalog.pg_constraint AS p4 ON p4.oid = p3.conparentid
),
obj AS (
  SELECT
    'pg_catalog.pg_class'::pg_catalog.regclass::pg_catalog.oid AS classid,
    c.oid AS objid,
    CASE
      WHEN k.oid IS NOT NULL THEN 'constraint'
      WHEN c.relkind IN ('r', 'p', 'f') THEN 'table'
      WHEN c.relkind IN ('v', 'm') THEN 'view'
      WHEN c.relkind = 'S' THEN 'sequence'
      WHEN c.relkind = 'c' THEN 'type'
      ELSE 'index'
    END AS kind,
    ns.nspname AS schema,
    COALESCE(k.conname::pg_catalog.text, c.relname::pg_catalog.text) AS name,
    kt.relname::pg_catalog.text AS tbl,
    NULL::pg_catalog.text AS col,
    NULL::pg_catalog.text AS args
  FROM pg_catalog.pg_class AS c
  JOIN ns ON ns.oid = c.relnamespace
  LEFT JOIN pg_catalog.pg_constraint AS k ON k.conindid = c.oid AND k.contype IN ('p', 'u', 'x')
    AND c.relkind IN ('i', 'I')
  LEFT JOIN pg_catalog.pg_class AS kt ON kt.oid = k.conrelid
  WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S', 'c', 'i', 'I')
  UNION ALL
  SELECT
    'pg_catalog.pg_type'::pg_catalog.regclass::pg_catalog.oid,
    t.oid,
    CASE WHEN r.relkind IN ('r', 'p', 'f') THEN 'table' WHEN r.relkind IN ('v', 'm') THEN 'view' ELSE 'type' END,
    ns.nspname,
    COALESCE(r.relname, b.typname)::pg_catalog.text,
    NULL,
    NULL,
    NULL
  FROM pg_catalog.pg_type AS t
  JOIN pg_catalog.pg_type AS b
    ON b.oid = CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem ELSE t.oid END
  JOIN ns ON ns.oid = b.typnamespace
  LEFT JOIN pg_catalog.pg_class AS r ON r.oid = b.typrelid
  UNION ALL
  SELECT
    'pg_catalog.pg_proc'::pg_catalog.regclass::pg_catalog.oid,
    p.oid,
    'function',
    ns.nspname,
    p.proname::pg_catalog.text,
    NULL,
    NULL,
    pg_catalog.pg_get_function_identity_arguments(p.oid)
  FROM pg_catalog.pg_proc AS p
  JOIN ns ON ns.oid = p.pronamespace
  UNION ALL
  SELECT
    'pg_catalog.pg_attrdef'::pg_catalog.regclass::pg_catalog.oid,
    ad.oid,
    'default',
    ns.nspname,
    c.relname::pg_catalog.text,
    NULL,
    a.attname::pg_catalog.text,
    NULL
  FROM pg_catalog.pg_attrdef AS ad
  JOIN pg_catalog.pg_class AS c ON c.oid = ad.adrelid
  JOIN pg_catalog.pg_attribute AS a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
  JOIN ns ON ns.oid = c.relnamespace
  UNION ALL
  SELECT
    'pg_catalog.pg_constraint'::pg_catalog.regclass::pg_catalog.oid,
    kr.oid,
    'constraint',
    ns.nspname,
    k.conname::pg_catalog.text,
    c.relname::pg_catalog.text,
    NULL,
    NULL
  FROM roots AS kr
  JOIN pg_catalog.pg_constraint AS k ON k.oid = kr.root
  JOIN pg_catalog.pg_class AS c ON c.oid = k.conrelid
  JOIN ns ON ns.oid = c.relnamespace
  UNION ALL
  SELECT
    'pg_catalog.pg_policy'::pg_catalog.regclass::pg_catalog.oid,
    pol.oid,
    'policy',
    ns.nspname,
    pol.polname::pg_catalog.text,
    c.relname::pg_catalog.text,
    NULL,
    NULL
  FROM pg_catalog.pg_policy AS pol
  JOIN pg_catalog.pg_class AS c ON c.oid = pol.polrelid
  JOIN ns ON ns.oid = c.relnamespace
  UNION ALL
  SELECT
    'pg_catalog.pg_trigger'::pg_catalog.regclass::pg_catalog.oid,
    tg.oid,
    'trigger',
    ns.nspname,
    tg.tgname::pg_catalog.text,
    c.relname::pg_catalog.text,
    NULL,
    NULL
  FROM pg_catalog.pg_trigger AS tg
  JOIN pg_catalog.pg_class AS c ON c.oid = tg.tgrelid
  JOIN ns ON ns.oid = c.relnamespace
  WHERE NOT tg.tgisinternal
  UNION ALL
  SELECT
    'pg_catalog.pg_rewrite'::pg_catalog.regclass::pg_catalog.oid,
    rw.oid,
    CASE WHEN rw.rulename = '_RETURN' THEN 'view' ELSE 'rule' END,
    ns.nspname,
    CASE WHEN rw.rulename = '_RETURN' THEN c.relname ELSE rw.rulename END::pg_catalog.text,
    CASE WHEN rw.rulename = '_RETURN' THEN NULL ELSE c.relname END::pg_catalog.text,
    NULL,
    NULL
  FROM pg_catalog.pg_rewrite AS rw
  JOIN pg_catalog.pg_class AS c ON c.oid = rw.ev_class
  JOIN ns ON ns.oid = c.relnamespace
  UNION ALL
  SELECT
    'pg_catalog.pg_collation'::pg_catalog.regclass::pg_catalog.oid,
    co.oid,
    'collation',
    ns.nspname,
    co.collname::pg_catalog.text,
    NULL,
    NULL,
    NULL
  FROM pg_catalog.pg_collation AS co
  JOIN ns ON ns.oid = co.collnamespace
),
members AS (
  SELECT e.classid, e.objid
  FROM pg_catalog.pg_depend AS e
  WHERE e.deptype = 'e'
),
edges AS (
  SELECT DISTINCT
    CASE WHEN d.objsubid > 0 AND f.kind IN ('table', 'view') THEN 'column' ELSE f.kind END AS from_kind,
    f.schema AS from_schema,
    f.name AS from_name,
    f.tbl AS from_table,
    CASE WHEN d.objsubid > 0 AND f.kind IN ('table', 'view') THEN fa.attname::pg_catalog.text ELSE f.col END
      AS from_column,
    f.args AS from_arguments,
    CASE WHEN d.refobjsubid > 0 AND o.kind IN ('table', 'view') THEN 'column' ELSE o.kind END AS on_kind,
    o.schema AS on_schema,
    o.name AS on_name,
    o.tbl AS on_table,
    CASE WHEN d.refobjsubid > 0 AND o.kind IN ('table', 'view') THEN oa.attname::pg_catalog.text ELSE o.col END
      AS on_column,
    o.args AS on_arguments
  FROM pg_catalog.pg_depend AS d
  JOIN obj AS f ON f.classid = d.classid AND f.objid = d.objid
  JOIN obj AS o ON o.classid = d.refclassid AND o.objid = d.refobjid
  LEFT JOIN pg_catalog.pg_attribute AS fa
    ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND fa.attrelid = d.objid AND fa.attnum = d.objsubid
    AND d.objsubid > 0
  LEFT JOIN pg_catalog.pg_attribute AS oa
    ON d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND oa.attrelid = d.refobjid
    AND oa.attnum = d.refobjsubid AND d.refobjsubid > 0
  WHERE (
      d.deptype IN ('n', 'a')
      OR (d.deptype = 'P' AND f.kind = 'index' AND o.kind = 'index')
      OR (d.deptype = 'S' AND f.kind = 'index' AND o.kind = 'table')
    )
    AND NOT EXISTS (SELECT 1 FROM members AS m WHERE m.classid = d.classid AND m.objid = d.objid)
    AND NOT EXISTS (SELECT 1 FROM members AS m WHERE m.classid = d.refclassid AND m.objid = d.refobjid)
    -- A clone's own table is a partition: only what the clone references counts for its root.
    AND NOT EXISTS (
      SELECT 1 FROM pg_catalog.pg_constraint AS cl
      WHERE d.classid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND cl.oid = d.objid
        AND cl.conparentid <> 0 AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
        AND d.refobjid = cl.conrelid
    )
)
SELECT e.*
FROM edges AS e
WHERE (e.from_kind, e.from_schema, e.from_name, e.from_table, e.from_column, e.from_arguments)
  IS DISTINCT FROM (e.on_kind, e.on_schema, e.on_name, e.on_table, e.on_column, e.on_arguments)
ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
