SET lock_timeout = '5s';

CREATE TABLE "public"."z_item" (
  "id" integer NOT NULL,
  "name" text,
  CONSTRAINT "z_item_pkey" PRIMARY KEY ("id")
);

CREATE TYPE "public"."a_pair" AS ("n" integer, "item" "public"."z_item");

RESET lock_timeout;
