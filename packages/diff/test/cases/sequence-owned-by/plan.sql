-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "id" SET DEFAULT nextval('public.ids'::regclass);

ALTER SEQUENCE "public"."ids" OWNED BY "public"."t"."id";
