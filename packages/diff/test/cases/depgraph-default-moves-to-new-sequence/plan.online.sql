SET lock_timeout = '5s';

CREATE SEQUENCE "public"."new_seq" AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1000 CACHE 1 NO CYCLE;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "id" SET DEFAULT nextval('public.new_seq'::regclass);

-- hazards: deletes-data
DROP SEQUENCE "public"."old_seq";

RESET lock_timeout;
