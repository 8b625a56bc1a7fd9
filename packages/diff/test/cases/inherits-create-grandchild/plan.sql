CREATE TABLE "public"."a" (
  "id" integer DEFAULT 1
);

CREATE TABLE "public"."b" (
  "v" integer
) INHERITS ("public"."a");

ALTER TABLE "public"."b" ALTER COLUMN "id" SET DEFAULT 2;

CREATE TABLE "public"."c" (
  "w" integer
) INHERITS ("public"."b");

ALTER TABLE "public"."c" ALTER COLUMN "id" SET DEFAULT 3;
