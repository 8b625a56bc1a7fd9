-- hazards: access-exclusive-lock, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."child" ALTER COLUMN "id" SET NOT NULL;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."child" ADD COLUMN "v" text DEFAULT 'x'::text;

-- hazards: access-exclusive-lock, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."child" ADD CONSTRAINT "base_id_check" CHECK ((id > 0));

-- hazards: access-exclusive-lock
ALTER TABLE "public"."child" INHERIT "public"."base";
