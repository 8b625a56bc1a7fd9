-- hazards: access-exclusive-lock
ALTER TABLE "public"."b" DROP CONSTRAINT "b_a";

-- hazards: blocks-writes
ALTER TABLE "public"."b" ADD CONSTRAINT "b_a" FOREIGN KEY ("a_id") REFERENCES "public"."a" ("id") ON DELETE CASCADE NOT VALID;
