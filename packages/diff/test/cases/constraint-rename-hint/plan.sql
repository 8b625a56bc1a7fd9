-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" RENAME CONSTRAINT "c1" TO "n_positive";
