-- hazards: access-exclusive-lock, deletes-data
ALTER TABLE "public"."t" DROP COLUMN "b";

-- hazards: access-exclusive-lock, deletes-data, rewrites-table
ALTER TABLE "public"."t" ADD COLUMN "b" integer GENERATED ALWAYS AS ((a * 3)) STORED;
