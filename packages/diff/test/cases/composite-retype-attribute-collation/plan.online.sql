SET lock_timeout = '5s';

ALTER TYPE "public"."tagged" ALTER ATTRIBUTE "label" TYPE text COLLATE "pg_catalog"."C";

RESET lock_timeout;
