SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ADD CONSTRAINT "t_name_nn_check" CHECK ("name" IS NOT NULL) NOT VALID;

-- hazards: may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."t" VALIDATE CONSTRAINT "t_name_nn_check";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "name" SET NOT NULL;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" DROP CONSTRAINT "t_name_nn_check";

RESET lock_timeout;
