SET lock_timeout = '5s';

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."person";

DROP COLLATION "public"."ci";

RESET lock_timeout;
