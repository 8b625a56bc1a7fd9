-- Rewrite rules (CREATE RULE) on the tables and views of the introspected schemas ($1:
-- comma-separated schema OIDs), but a view's own _RETURN rule (that is the view). The definition is
-- pg_get_ruledef's, pretty-printed; src/map/rules.ts cuts `CREATE RULE name AS` off its front.
-- Rules of extension-owned relations are left out.
SELECT
  n.nspname::pg_catalog.text AS schema,
  c.relname::pg_catalog.text AS table,
  r.rulename::pg_catalog.text AS name,
  pg_catalog.pg_get_ruledef(r.oid, true) AS definition,
  pg_catalog.quote_ident(r.rulename::pg_catalog.text) AS quoted,
  d.description AS comment
FROM pg_catalog.pg_rewrite AS r
JOIN pg_catalog.pg_class AS c ON c.oid = r.ev_class
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description AS d
  ON d.objoid = r.oid
  AND d.classoid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass
  AND d.objsubid = 0
WHERE r.rulename OPERATOR(pg_catalog.<>) '_RETURN'
  AND c.relnamespace = ANY (pg_catalog.string_to_array($1::pg_catalog.text, ',')::pg_catalog.oid[])
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend AS x
    WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND x.objid = c.oid
      AND x.deptype = 'e'
  )
ORDER BY n.nspname, c.relname, r.rulename
