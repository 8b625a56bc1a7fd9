-- hazards: access-exclusive-lock
ALTER TABLE "public"."b" DROP CONSTRAINT "b_fk";

-- hazards: blocks-writes, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."b" ADD CONSTRAINT "b_fk" FOREIGN KEY ("a_id") REFERENCES "public"."a" ("id") DEFERRABLE INITIALLY DEFERRED;
