SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ADD COLUMN "name" text;

RESET lock_timeout;
