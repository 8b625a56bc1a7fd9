SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."child" ALTER COLUMN "id" SET DEFAULT 7;

RESET lock_timeout;
