SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."b" DROP CONSTRAINT "b_a";

-- hazards: blocks-writes
ALTER TABLE "public"."b" ADD CONSTRAINT "b_a" FOREIGN KEY ("a_id") REFERENCES "public"."a" ("id") ON DELETE CASCADE ON UPDATE SET NULL NOT VALID;

-- hazards: may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."b" VALIDATE CONSTRAINT "b_a";

RESET lock_timeout;
