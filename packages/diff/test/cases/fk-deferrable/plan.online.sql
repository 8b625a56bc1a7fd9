SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."b" DROP CONSTRAINT "b_fk";

-- hazards: blocks-writes
ALTER TABLE "public"."b" ADD CONSTRAINT "b_fk" FOREIGN KEY ("a_id") REFERENCES "public"."a" ("id") DEFERRABLE INITIALLY DEFERRED NOT VALID;

-- hazards: may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."b" VALIDATE CONSTRAINT "b_fk";

RESET lock_timeout;
