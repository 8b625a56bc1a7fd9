-- hazards: access-exclusive-lock
ALTER TABLE "public"."person" ALTER COLUMN "email" TYPE text;

DROP COLLATION "public"."ci";
