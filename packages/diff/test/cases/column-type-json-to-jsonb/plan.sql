-- hazards: access-exclusive-lock, may-fail-on-existing-data, rewrites-table
ALTER TABLE "public"."t" ALTER COLUMN "v" TYPE jsonb USING "v"::jsonb;
