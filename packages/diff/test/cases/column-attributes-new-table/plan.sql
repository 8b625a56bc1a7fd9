CREATE TABLE "public"."a""b" (
  "Mixed Case" text,
  "n" numeric
);

-- hazards: access-exclusive-lock
ALTER TABLE "public"."a""b" ALTER COLUMN "Mixed Case" SET STATISTICS 200, ALTER COLUMN "Mixed Case" SET STORAGE MAIN, ALTER COLUMN "Mixed Case" SET COMPRESSION pglz;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."a""b" ALTER COLUMN "n" SET STORAGE EXTERNAL;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."keep" ADD COLUMN "body" text;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."keep" ALTER COLUMN "body" SET STATISTICS 50, ALTER COLUMN "body" SET STORAGE PLAIN, ALTER COLUMN "body" SET COMPRESSION pglz;
