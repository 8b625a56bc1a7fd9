SET lock_timeout = '5s';

-- hazards: blocks-writes
ALTER TABLE "public"."c" ADD CONSTRAINT "c_fk" FOREIGN KEY ("a", "b") REFERENCES "public"."p" ("a", "b") ON DELETE SET NULL ("b") NOT VALID;

-- hazards: may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."c" VALIDATE CONSTRAINT "c_fk";

RESET lock_timeout;
