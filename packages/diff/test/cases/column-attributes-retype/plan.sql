-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "a" TYPE text;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "a" SET STORAGE MAIN;

-- hazards: access-exclusive-lock, may-fail-on-existing-data, rewrites-table
ALTER TABLE "public"."t" ALTER COLUMN "b" TYPE character varying(10);

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "b" SET COMPRESSION pglz;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "s" TYPE character varying;
