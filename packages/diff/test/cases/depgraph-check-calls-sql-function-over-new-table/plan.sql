CREATE TABLE "public"."z_limit" (
  "n" integer
);

CREATE FUNCTION "public"."m_max"()
RETURNS integer
LANGUAGE "sql"
STABLE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
AS $body$ SELECT coalesce(max(n), 100) FROM z_limit $body$;

CREATE TABLE "public"."a_t" (
  "id" integer NOT NULL,
  "n" integer,
  CONSTRAINT "a_t_n_check" CHECK ((n <= public.m_max())),
  CONSTRAINT "a_t_pkey" PRIMARY KEY ("id")
);
