SET lock_timeout = '5s';

ALTER TYPE "public"."pair" ADD ATTRIBUTE "b" text COLLATE "pg_catalog"."C";

RESET lock_timeout;
