SET lock_timeout = '5s';

ALTER TABLE "public"."t" CLUSTER ON "t_pkey";

RESET lock_timeout;
