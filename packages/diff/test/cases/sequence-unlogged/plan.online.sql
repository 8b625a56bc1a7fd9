SET lock_timeout = '5s';

CREATE UNLOGGED SEQUENCE "public"."a""b" AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 5 CACHE 1 NO CYCLE;

ALTER SEQUENCE "public"."s1" SET UNLOGGED;

CREATE UNLOGGED SEQUENCE "public"."v_id_seq" AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;

CREATE UNLOGGED TABLE "public"."v" (
  "id" integer DEFAULT nextval('public.v_id_seq'::regclass) NOT NULL
);

-- hazards: access-exclusive-lock, rewrites-table
ALTER TABLE "public"."t" SET UNLOGGED;

-- hazards: access-exclusive-lock, rewrites-table
ALTER TABLE "public"."u" SET LOGGED;

-- hazards: access-exclusive-lock, rewrites-table
ALTER TABLE "public"."w" SET UNLOGGED;

ALTER SEQUENCE "public"."v_id_seq" OWNED BY "public"."v"."id";

ALTER SEQUENCE "public"."w_id_seq" SET LOGGED;

RESET lock_timeout;
