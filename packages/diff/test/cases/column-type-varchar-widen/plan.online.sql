SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "s" TYPE character varying(20);

RESET lock_timeout;
