SET lock_timeout = '5s';

-- hazards: access-exclusive-lock, deletes-data
ALTER TABLE "public"."t" DROP COLUMN "mail";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ADD COLUMN "email" text;

RESET lock_timeout;
