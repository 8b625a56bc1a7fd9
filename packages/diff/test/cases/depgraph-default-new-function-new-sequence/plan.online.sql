SET lock_timeout = '5s';

CREATE SEQUENCE "public"."z_seq" AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;

CREATE FUNCTION "public"."m_next"()
RETURNS bigint
LANGUAGE "sql"
VOLATILE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
AS $body$ SELECT nextval('z_seq') * 10 $body$;

CREATE TABLE "public"."a_t" (
  "id" bigint DEFAULT public.m_next() NOT NULL,
  CONSTRAINT "a_t_pkey" PRIMARY KEY ("id")
);

RESET lock_timeout;
