-- hazards: blocks-writes
ALTER TABLE "public"."b" ADD CONSTRAINT "b_a" FOREIGN KEY ("a_id") REFERENCES "public"."a" ("id") NOT VALID;
