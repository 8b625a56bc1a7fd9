DROP VIEW "public"."emails";

CREATE COLLATION "public"."ci__new" (provider = icu, locale = 'und-u-ks-level1', deterministic = false);

-- hazards: access-exclusive-lock, may-fail-on-existing-data
ALTER TABLE "public"."person" ALTER COLUMN "email" TYPE text COLLATE "public"."ci__new";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."person" ALTER COLUMN "nick" TYPE character varying(20) COLLATE "public"."ci__new";

DROP COLLATION "public"."ci";

ALTER COLLATION "public"."ci__new" RENAME TO "ci";

CREATE VIEW "public"."emails" AS SELECT person.email
   FROM public.person;

COMMENT ON COLLATION "public"."ci" IS 'case- and accent-insensitive';
