SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."child" ADD COLUMN "v" integer;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."base" ADD COLUMN "v" integer;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."base" ADD CONSTRAINT "base_v_check" CHECK ((v > 0)) NOT VALID;

-- hazards: may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."base" VALIDATE CONSTRAINT "base_v_check";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."child" ADD CONSTRAINT "base_v_check" CHECK ((v > 0)) NOT VALID;

-- hazards: may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."child" VALIDATE CONSTRAINT "base_v_check";

RESET lock_timeout;
