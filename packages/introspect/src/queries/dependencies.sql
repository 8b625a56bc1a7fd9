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
--
-- How it stays cheap (tens of thousands of edges in a 1,000-table schema): every end is found in
-- `obj` by one hash join on (catalog, OID, column number), a relation's columns being rows of `obj`
-- of their own, so no edge probes pg_attribute or pg_constraint on its own (introspect.ts runs it
-- with nested loops and merge joins off: the planner knows nothing of the CTEs' sizes); the rows
-- come out in the order the snapshot keeps them in (byte order, empty fields first), sorted on one
-- key without the database's collation.
WITH ns AS (
  SELECT n.oid, n.nspname::pg_catalog.text AS nspname
  FROM pg_catalog.pg_namespace AS n
  WHERE n.oid = ANY (pg_catalog.string_to_array($1::pg_catalog.text, ',')::pg_catalog.oid[])
),
rel AS (
  SELECT
    c.oid,
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
    kt.relname::pg_catalog.text AS tbl
  FROM pg_catalog.pg_class AS c
  JOIN ns ON ns.oid = c.relnamespace
  LEFT JOIN pg_catalog.pg_constraint AS k ON k.conindid = c.oid AND k.contype IN ('p', 'u', 'x')
    AND c.relkind IN ('i', 'I')
  LEFT JOIN pg_catalog.pg_class AS kt ON kt.oid = k.conrelid
  WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S', 'c', 'i', 'I')
),
-- The columns of those relations (a default is named by its table and column), but an index's: no
-- dependency names an index's column (an index depends on its table's columns; what depends on an
-- index depends on all of it), and they were a quarter of these rows.
att AS (
  SELECT r.*, a.attnum, a.attname::pg_catalog.text AS attname
  FROM rel AS r
  JOIN pg_catalog.pg_attribute AS a ON a.attrelid = r.oid AND a.attnum > 0
  WHERE r.kind NOT IN ('index', 'constraint')
),
-- Every object of the introspected schemas that is not an extension member, by (classid, objid,
-- subid): subid is a relation's column number (0 for the relation itself and for other objects);
-- `col` names a table's or view's column; `clone_rel` is a cloned constraint's own table.
obj AS (
  SELECT o.*
  FROM (
    SELECT
      'pg_catalog.pg_class'::pg_catalog.regclass::pg_catalog.oid AS classid,
      r.oid AS objid,
      0 AS subid,
      r.kind,
      r.schema,
      r.name,
      r.tbl,
      NULL::pg_catalog.text AS col,
      NULL::pg_catalog.text AS args,
      NULL::pg_catalog.oid AS clone_rel
    FROM rel AS r
    UNION ALL
    -- A column of a table or view is named by it; a column of another relation (a composite
    -- type's attribute, an index's column) is the relation.
    SELECT
      'pg_catalog.pg_class'::pg_catalog.regclass::pg_catalog.oid,
      a.oid,
      a.attnum,
      a.kind,
      a.schema,
      a.name,
      a.tbl,
      CASE WHEN a.kind IN ('table', 'view') THEN a.attname END,
      NULL,
      NULL
    FROM att AS a
    UNION ALL
    SELECT
      'pg_catalog.pg_type'::pg_catalog.regclass::pg_catalog.oid,
      t.oid,
      0,
      CASE WHEN r.relkind IN ('r', 'p', 'f') THEN 'table' WHEN r.relkind IN ('v', 'm') THEN 'view' ELSE 'type' END,
      ns.nspname,
      COALESCE(r.relname, b.typname)::pg_catalog.text,
      NULL,
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
      0,
      'function',
      ns.nspname,
      p.proname::pg_catalog.text,
      NULL,
      NULL,
      pg_catalog.pg_get_function_identity_arguments(p.oid),
      NULL
    FROM pg_catalog.pg_proc AS p
    JOIN ns ON ns.oid = p.pronamespace
    UNION ALL
    SELECT
      'pg_catalog.pg_attrdef'::pg_catalog.regclass::pg_catalog.oid,
      ad.oid,
      0,
      'default',
      a.schema,
      a.name,
      NULL,
      a.attname,
      NULL,
      NULL
    FROM pg_catalog.pg_attrdef AS ad
    JOIN att AS a ON a.oid = ad.adrelid AND a.attnum = ad.adnum
    UNION ALL
    -- A constraint PostgreSQL cloned from a partitioned table's (conparentid: a partition's copy of
    -- a foreign key, or the referencing table's copy for each partition of a referenced partitioned
    -- table) is not in the snapshot: it is named as the constraint it was cloned from, whose drop
    -- takes it (its root: four levels of sub-partitioning; a recursive CTE was 3-5 times slower).
    SELECT
      'pg_catalog.pg_constraint'::pg_catalog.regclass::pg_catalog.oid,
      k.oid,
      0,
      'constraint',
      ns.nspname,
      rk.conname::pg_catalog.text,
      c.relname::pg_catalog.text,
      NULL,
      NULL,
      CASE WHEN k.conparentid <> 0 THEN k.conrelid END
    FROM pg_catalog.pg_constraint AS k
    LEFT JOIN pg_catalog.pg_constraint AS p1 ON p1.oid = k.conparentid
    LEFT JOIN pg_catalog.pg_constraint AS p2 ON p2.oid = p1.conparentid
    LEFT JOIN pg_catalog.pg_constraint AS p3 ON p3.oid = p2.conparentid
    LEFT JOIN pg_catalog.pg_constraint AS p4 ON p4.oid = p3.conparentid
    JOIN pg_catalog.pg_constraint AS rk ON rk.oid = COALESCE(p4.oid, p3.oid, p2.oid, p1.oid, k.oid)
    JOIN pg_catalog.pg_class AS c ON c.oid = rk.conrelid
    JOIN ns ON ns.oid = c.relnamespace
    UNION ALL
    SELECT
      'pg_catalog.pg_policy'::pg_catalog.regclass::pg_catalog.oid,
      pol.oid,
      0,
      'policy',
      ns.nspname,
      pol.polname::pg_catalog.text,
      c.relname::pg_catalog.text,
      NULL,
      NULL,
      NULL
    FROM pg_catalog.pg_policy AS pol
    JOIN pg_catalog.pg_class AS c ON c.oid = pol.polrelid
    JOIN ns ON ns.oid = c.relnamespace
    UNION ALL
    SELECT
      'pg_catalog.pg_trigger'::pg_catalog.regclass::pg_catalog.oid,
      tg.oid,
      0,
      'trigger',
      ns.nspname,
      tg.tgname::pg_catalog.text,
      c.relname::pg_catalog.text,
      NULL,
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
      0,
      CASE WHEN rw.rulename = '_RETURN' THEN 'view' ELSE 'rule' END,
      ns.nspname,
      CASE WHEN rw.rulename = '_RETURN' THEN c.relname ELSE rw.rulename END::pg_catalog.text,
      CASE WHEN rw.rulename = '_RETURN' THEN NULL ELSE c.relname END::pg_catalog.text,
      NULL,
      NULL,
      NULL
    FROM pg_catalog.pg_rewrite AS rw
    JOIN pg_catalog.pg_class AS c ON c.oid = rw.ev_class
    JOIN ns ON ns.oid = c.relnamespace
    UNION ALL
    SELECT
      'pg_catalog.pg_collation'::pg_catalog.regclass::pg_catalog.oid,
      co.oid,
      0,
      'collation',
      ns.nspname,
      co.collname::pg_catalog.text,
      NULL,
      NULL,
      NULL,
      NULL
    FROM pg_catalog.pg_collation AS co
    JOIN ns ON ns.oid = co.collnamespace
  ) AS o
  WHERE NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_depend AS e
    WHERE e.deptype = 'e' AND e.classid = o.classid AND e.objid = o.objid
  )
),
-- The edges by OID, apart: joined to `obj` from a scan of their own, both joins are hash joins
-- (the planner, blind to how many edges meet `obj`, would otherwise walk pg_depend's index).
dep AS MATERIALIZED (
  SELECT d.classid, d.objid, GREATEST(d.objsubid, 0) AS objsubid, d.refclassid, d.refobjid,
    GREATEST(d.refobjsubid, 0) AS refobjsubid, d.deptype
  FROM pg_catalog.pg_depend AS d
  WHERE d.deptype IN ('n', 'a', 'P', 'S')
),
edges AS (
  SELECT
    CASE WHEN f.subid > 0 AND f.kind IN ('table', 'view') THEN 'column' ELSE f.kind END AS from_kind,
    f.schema AS from_schema,
    f.name AS from_name,
    f.tbl AS from_table,
    f.col AS from_column,
    f.args AS from_arguments,
    CASE WHEN o.subid > 0 AND o.kind IN ('table', 'view') THEN 'column' ELSE o.kind END AS on_kind,
    o.schema AS on_schema,
    o.name AS on_name,
    o.tbl AS on_table,
    o.col AS on_column,
    o.args AS on_arguments
  FROM dep AS d
  JOIN obj AS f ON f.classid = d.classid AND f.objid = d.objid AND f.subid = d.objsubid
  JOIN obj AS o ON o.classid = d.refclassid AND o.objid = d.refobjid AND o.subid = d.refobjsubid
  WHERE (
      d.deptype IN ('n', 'a')
      OR (d.deptype = 'P' AND f.kind = 'index' AND o.kind = 'index')
      OR (d.deptype = 'S' AND f.kind = 'index' AND o.kind = 'table')
    )
    -- A clone's own table is a partition: only what the clone references counts for its root.
    AND (
      f.clone_rel IS NULL
      OR d.refclassid <> 'pg_catalog.pg_class'::pg_catalog.regclass
      OR d.refobjid <> f.clone_rel
    )
)
-- One key sorts the rows (fields joined by a byte below any other, empty for null: the order the
-- snapshot sorts its dependencies in, so it keeps them as they come); the columns break its ties.
SELECT
  e.from_kind, e.from_schema, e.from_name, e.from_table, e.from_column, e.from_arguments,
  e.on_kind, e.on_schema, e.on_name, e.on_table, e.on_column, e.on_arguments
FROM (
  SELECT DISTINCT
    (COALESCE(e.from_kind, '') || E'\x01' || COALESCE(e.from_schema, '') || E'\x01' || COALESCE(e.from_name, '') || E'\x01' || COALESCE(e.from_table, '') || E'\x01' || COALESCE(e.from_column, '') || E'\x01' || COALESCE(e.from_arguments, '') || E'\x01' || COALESCE(e.on_kind, '') || E'\x01' || COALESCE(e.on_schema, '') || E'\x01' || COALESCE(e.on_name, '') || E'\x01' || COALESCE(e.on_table, '') || E'\x01' || COALESCE(e.on_column, '') || E'\x01' || COALESCE(e.on_arguments, '')) COLLATE "C" AS sort_key,
    e.*
  FROM edges AS e
  WHERE (e.from_kind, e.from_schema, e.from_name, e.from_table, e.from_column, e.from_arguments)
    IS DISTINCT FROM (e.on_kind, e.on_schema, e.on_name, e.on_table, e.on_column, e.on_arguments)
) AS e
ORDER BY e.sort_key
