-- Functions and procedures in the introspected schemas ($1: comma-separated schema OIDs); not
-- aggregates or window functions, not members of an extension. A SQL-standard body (BEGIN ATOMIC,
-- PostgreSQL 14+) is read with pg_get_function_sqlbody; other bodies are prosrc.
SELECT
  n.nspname::pg_catalog.text AS schema,
  p.proname::pg_catalog.text AS name,
  p.prokind::pg_catalog.text AS kind,
  pg_catalog.pg_get_function_arguments(p.oid) AS arguments,
  pg_catalog.pg_get_function_identity_arguments(p.oid) AS identity_arguments,
  CASE WHEN p.prokind = 'f' THEN pg_catalog.pg_get_function_result(p.oid) END AS returns,
  l.lanname::pg_catalog.text AS language,
  p.provolatile::pg_catalog.text AS volatility,
  p.proisstrict AS strict,
  p.prosecdef AS security_definer,
  p.proleakproof AS leakproof,
  p.proparallel::pg_catalog.text AS parallel,
  pg_catalog.to_json(p.proconfig) AS config,
  /*@14+*/ CASE
    WHEN p.prosqlbody IS NOT NULL THEN pg_catalog.pg_get_function_sqlbody(p.oid)
    ELSE p.prosrc
  END /*@else*/ p.prosrc /*@end*/ AS body,
  /*@14+*/ (p.prosqlbody IS NOT NULL) /*@else*/ false /*@end*/ AS sql_standard,
  d.description AS comment
FROM pg_catalog.pg_proc AS p
JOIN pg_catalog.pg_namespace AS n ON n.oid = p.pronamespace
JOIN pg_catalog.pg_language AS l ON l.oid = p.prolang
LEFT JOIN pg_catalog.pg_description AS d
  ON d.objoid = p.oid
  AND d.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass
  AND d.objsubid = 0
WHERE p.prokind IN ('f', 'p')
  AND p.pronamespace = ANY (pg_catalog.string_to_array($1::pg_catalog.text, ',')::pg_catalog.oid[])
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend AS x
    WHERE x.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
      AND x.objid = p.oid
      AND x.deptype = 'e'
  )
ORDER BY n.nspname, p.proname, identity_arguments
