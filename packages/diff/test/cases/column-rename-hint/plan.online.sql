SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" RENAME COLUMN "mail" TO "email";

RESET lock_timeout;
