SET lock_timeout = '5s';

CREATE TYPE "public"."pair" AS ("a" integer, "b" text);

CREATE TABLE "public"."t" (
  "p" "public"."pair"
);

RESET lock_timeout;
