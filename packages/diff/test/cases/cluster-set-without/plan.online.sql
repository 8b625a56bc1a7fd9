SET lock_timeout = '5s';

ALTER TABLE "public"."t" SET WITHOUT CLUSTER;

RESET lock_timeout;
