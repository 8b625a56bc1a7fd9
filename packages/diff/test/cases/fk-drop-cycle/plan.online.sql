SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."b" DROP CONSTRAINT "b_a_id_fkey";

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."c";

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."a";

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."b";

RESET lock_timeout;
