SET lock_timeout = '5s';

CREATE DOMAIN "public"."pos" AS integer DEFAULT 1 NOT NULL CONSTRAINT "pos_check" CHECK ((VALUE > 0));

CREATE TABLE "public"."t" (
  "n" "public"."pos"
);

RESET lock_timeout;
