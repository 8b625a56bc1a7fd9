SET lock_timeout = '5s';

-- hazards: blocks-writes
ALTER TABLE "public"."b" ADD CONSTRAINT "b_a_id_fkey" FOREIGN KEY ("a_id") REFERENCES "public"."a" ("id") NOT VALID;

-- hazards: may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."b" VALIDATE CONSTRAINT "b_a_id_fkey";

RESET lock_timeout;
