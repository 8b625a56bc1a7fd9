SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."base" ADD COLUMN "v" integer;

RESET lock_timeout;
