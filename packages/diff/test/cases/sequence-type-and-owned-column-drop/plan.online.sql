SET lock_timeout = '5s';

ALTER SEQUENCE "public"."s" OWNED BY NONE;

-- hazards: access-exclusive-lock, deletes-data
ALTER TABLE "public"."t" DROP COLUMN "n";

ALTER SEQUENCE "public"."s" AS bigint MAXVALUE 9223372036854775807;

RESET lock_timeout;
