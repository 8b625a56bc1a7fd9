SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."child" ADD CONSTRAINT "child_id_nn_check" CHECK ("id" IS NOT NULL) NOT VALID;

-- hazards: may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."child" VALIDATE CONSTRAINT "child_id_nn_check";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."child" ALTER COLUMN "id" SET NOT NULL;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."child" DROP CONSTRAINT "child_id_nn_check";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."child" ADD COLUMN "v" text DEFAULT 'x'::text;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."child" ADD CONSTRAINT "base_id_check" CHECK ((id > 0)) NOT VALID;

-- hazards: may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."child" VALIDATE CONSTRAINT "base_id_check";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."child" INHERIT "public"."base";

RESET lock_timeout;
