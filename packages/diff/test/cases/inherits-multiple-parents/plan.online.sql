SET lock_timeout = '5s';

CREATE TABLE "public"."a" (
  "id" integer,
  "x" integer DEFAULT 1
);

CREATE TABLE "public"."b" (
  "id" integer,
  "y" integer
);

CREATE TABLE "public"."child" (
  "z" integer
) INHERITS ("public"."a", "public"."b");

RESET lock_timeout;
