-- Objects that JustScale does not model (yet), so that a caller can say what it did not compare
-- instead of staying silent: in the introspected schemas ($1: comma-separated schema OIDs), text search
-- configurations, dictionaries, parsers and templates, foreign tables, aggregates, operators,
-- operator classes and families, conversions and extended statistics; and in the database, foreign
-- servers, publications, event triggers, casts and default privileges. Objects that belong to an
-- extension are left out (the extension is compared).
WITH ns AS (
  SELECT n.oid, n.nspname::pg_catalog.text AS nspname
  FROM pg_catalog.pg_namespace AS n
  WHERE n.oid = ANY (pg_catalog.string_to_array($1::pg_catalog.text, ',')::pg_catalog.oid[])
),
found AS (
  SELECT 'pg_catalog.pg_ts_config'::pg_catalog.regclass AS classid, c.oid AS objid,
    'text search configuration' AS kind, ns.nspname || '.' || c.cfgname AS name
  FROM pg_catalog.pg_ts_config AS c JOIN ns ON ns.oid = c.cfgnamespace
  UNION ALL
  SELECT 'pg_catalog.pg_ts_dict'::pg_catalog.regclass, d.oid, 'text search dictionary', ns.nspname || '.' || d.dictname
  FROM pg_catalog.pg_ts_dict AS d JOIN ns ON ns.oid = d.dictnamespace
  UNION ALL
  SELECT 'pg_catalog.pg_ts_parser'::pg_catalog.regclass, p.oid, 'text search parser', ns.nspname || '.' || p.prsname
  FROM pg_catalog.pg_ts_parser AS p JOIN ns ON ns.oid = p.prsnamespace
  UNION ALL
  SELECT 'pg_catalog.pg_ts_template'::pg_catalog.regclass, t.oid, 'text search template', ns.nspname || '.' || t.tmplname
  FROM pg_catalog.pg_ts_template AS t JOIN ns ON ns.oid = t.tmplnamespace
  UNION ALL
  SELECT 'pg_catalog.pg_class'::pg_catalog.regclass, c.oid, 'foreign table', ns.nspname || '.' || c.relname
  FROM pg_catalog.pg_class AS c JOIN ns ON ns.oid = c.relnamespace
  WHERE c.relkind = 'f'
  UNION ALL
  SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass, p.oid, 'aggregate',
    ns.nspname || '.' || p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')'
  FROM pg_catalog.pg_proc AS p JOIN ns ON ns.oid = p.pronamespace
  WHERE p.prokind = 'a'
  UNION ALL
  SELECT 'pg_catalog.pg_operator'::pg_catalog.regclass, o.oid, 'operator', ns.nspname || '.' || o.oprname
  FROM pg_catalog.pg_operator AS o JOIN ns ON ns.oid = o.oprnamespace
  UNION ALL
  SELECT 'pg_catalog.pg_opclass'::pg_catalog.regclass, c.oid, 'operator class', ns.nspname || '.' || c.opcname
  FROM pg_catalog.pg_opclass AS c JOIN ns ON ns.oid = c.opcnamespace
  UNION ALL
  SELECT 'pg_catalog.pg_opfamily'::pg_catalog.regclass, f.oid, 'operator family', ns.nspname || '.' || f.opfname
  FROM pg_catalog.pg_opfamily AS f JOIN ns ON ns.oid = f.opfnamespace
  UNION ALL
  SELECT 'pg_catalog.pg_conversion'::pg_catalog.regclass, c.oid, 'conversion', ns.nspname || '.' || c.conname
  FROM pg_catalog.pg_conversion AS c JOIN ns ON ns.oid = c.connamespace
  UNION ALL
  SELECT 'pg_catalog.pg_statistic_ext'::pg_catalog.regclass, s.oid, 'statistics object', ns.nspname || '.' || s.stxname
  FROM pg_catalog.pg_statistic_ext AS s JOIN ns ON ns.oid = s.stxnamespace
  UNION ALL
  SELECT 'pg_catalog.pg_foreign_server'::pg_catalog.regclass, s.oid, 'foreign server', s.srvname::pg_catalog.text
  FROM pg_catalog.pg_foreign_server AS s
  UNION ALL
  SELECT 'pg_catalog.pg_publication'::pg_catalog.regclass, p.oid, 'publication', p.pubname::pg_catalog.text
  FROM pg_catalog.pg_publication AS p
  UNION ALL
  SELECT 'pg_catalog.pg_event_trigger'::pg_catalog.regclass, e.oid, 'event trigger', e.evtname::pg_catalog.text
  FROM pg_catalog.pg_event_trigger AS e
  UNION ALL
  SELECT 'pg_catalog.pg_cast'::pg_catalog.regclass, c.oid, 'cast',
    pg_catalog.format_type(c.castsource, NULL) || ' AS ' || pg_catalog.format_type(c.casttarget, NULL)
  FROM pg_catalog.pg_cast AS c
  WHERE c.oid >= 16384
  UNION ALL
  SELECT 'pg_catalog.pg_default_acl'::pg_catalog.regclass, a.oid, 'default privileges',
    'for role ' || pg_catalog.pg_get_userbyid(a.defaclrole)
      || COALESCE(' in schema ' || n.nspname, '')
      || ' on ' || CASE a.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences'
        WHEN 'f' THEN 'functions' WHEN 'T' THEN 'types' WHEN 'n' THEN 'schemas' ELSE 'objects' END
  FROM pg_catalog.pg_default_acl AS a
  LEFT JOIN pg_catalog.pg_namespace AS n ON n.oid = a.defaclnamespace
)
SELECT f.kind, f.name
FROM found AS f
WHERE NOT EXISTS (
  SELECT FROM pg_catalog.pg_depend AS e
  WHERE e.classid = f.classid AND e.objid = f.objid AND e.deptype = 'e'
)
ORDER BY 1, 2
