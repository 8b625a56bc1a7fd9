-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" RENAME COLUMN "mail" TO "email";
