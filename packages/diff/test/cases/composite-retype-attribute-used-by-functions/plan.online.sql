SET lock_timeout = '5s';

ALTER TYPE "public"."pair" ALTER ATTRIBUTE "x" TYPE bigint;

RESET lock_timeout;
