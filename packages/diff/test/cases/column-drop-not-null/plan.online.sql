SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "s" DROP NOT NULL;

RESET lock_timeout;
