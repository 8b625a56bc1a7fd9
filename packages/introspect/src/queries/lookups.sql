-- Names of the operator classes that are not the default for their type and method, and of every
-- collation, by OID: index keys and constraints are read as OID arrays and named from these.
SELECT
  'opclass'::pg_catalog.text AS kind,
  oc.oid::pg_catalog.int8 AS oid,
  n.nspname::pg_catalog.text AS schema,
  oc.opcname::pg_catalog.text AS name
FROM pg_catalog.pg_opclass AS oc
JOIN pg_catalog.pg_namespace AS n ON n.oid = oc.opcnamespace
WHERE NOT oc.opcdefault
UNION ALL
SELECT
  'collation'::pg_catalog.text,
  co.oid::pg_catalog.int8,
  n.nspname::pg_catalog.text,
  co.collname::pg_catalog.text
FROM pg_catalog.pg_collation AS co
JOIN pg_catalog.pg_namespace AS n ON n.oid = co.collnamespace
