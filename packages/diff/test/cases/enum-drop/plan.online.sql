SET lock_timeout = '5s';

DROP TYPE "public"."mood";

RESET lock_timeout;
