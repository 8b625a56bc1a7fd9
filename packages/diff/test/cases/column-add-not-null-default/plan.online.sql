SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ADD COLUMN "active" boolean DEFAULT true NOT NULL;

RESET lock_timeout;
