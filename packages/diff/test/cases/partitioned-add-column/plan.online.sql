SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."ev" ADD COLUMN "note" text;

RESET lock_timeout;
