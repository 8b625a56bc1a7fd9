CREATE SEQUENCE "public"."t_id_seq" AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;

-- hazards: access-exclusive-lock, rewrites-table
ALTER TABLE "public"."t" ADD COLUMN "id" integer DEFAULT nextval('public.t_id_seq'::regclass) NOT NULL;

ALTER SEQUENCE "public"."t_id_seq" OWNED BY "public"."t"."id";
