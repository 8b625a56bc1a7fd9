SET lock_timeout = '5s';

ALTER TABLE "public"."t" CLUSTER ON "t_code";

RESET lock_timeout;
