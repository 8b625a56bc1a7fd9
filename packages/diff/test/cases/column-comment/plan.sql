-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ADD COLUMN "b" integer;

COMMENT ON COLUMN "public"."t"."b" IS 'new';

COMMENT ON COLUMN "public"."t"."a" IS 'y';
