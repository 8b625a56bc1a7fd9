SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" RENAME CONSTRAINT "c1" TO "n_positive";

RESET lock_timeout;
