CREATE TYPE "public"."pair" AS ("a" integer, "b" text);

CREATE TABLE "public"."t" (
  "p" "public"."pair"
);
