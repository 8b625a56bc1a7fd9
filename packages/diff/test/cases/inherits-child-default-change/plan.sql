-- hazards: access-exclusive-lock
ALTER TABLE "public"."child" ALTER COLUMN "id" SET DEFAULT 7;
