SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."person" ALTER COLUMN "email" TYPE text;

DROP COLLATION "public"."ci";

RESET lock_timeout;
