SET lock_timeout = '5s';

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."alpha";

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."zeta";

RESET lock_timeout;
