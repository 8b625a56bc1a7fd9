SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."child" NO INHERIT "public"."base";

-- hazards: access-exclusive-lock, deletes-data
ALTER TABLE "public"."child" DROP COLUMN "id";

-- hazards: access-exclusive-lock, deletes-data
ALTER TABLE "public"."child" DROP COLUMN "v";

RESET lock_timeout;
