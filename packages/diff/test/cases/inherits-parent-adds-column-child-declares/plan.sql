-- hazards: access-exclusive-lock
ALTER TABLE "public"."child" ADD COLUMN "v" integer;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."base" ADD COLUMN "v" integer;

-- hazards: access-exclusive-lock, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."base" ADD CONSTRAINT "base_v_check" CHECK ((v > 0));

-- hazards: access-exclusive-lock, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."child" ADD CONSTRAINT "base_v_check" CHECK ((v > 0));
