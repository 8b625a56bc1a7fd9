SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" DROP CONSTRAINT "n_range";

RESET lock_timeout;
