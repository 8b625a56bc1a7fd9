SET lock_timeout = '5s';

ALTER TYPE "public"."st" RENAME VALUE 'actve' TO 'active';

RESET lock_timeout;
