SET lock_timeout = '5s';

DROP TYPE "public"."pair";

CREATE TYPE "public"."pair" AS ("b" text, "a" integer);

RESET lock_timeout;
