SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."base" ALTER COLUMN "id" SET DEFAULT 2;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."aa_child" ALTER COLUMN "id" SET DEFAULT 7;

RESET lock_timeout;
