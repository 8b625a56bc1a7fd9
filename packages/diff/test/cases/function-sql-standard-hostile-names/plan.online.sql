SET lock_timeout = '5s';

CREATE SCHEMA "a.b";

CREATE TABLE "a.b"."Mixed Case" (
  "select" integer
);

CREATE FUNCTION "a.b"."f""x"()
RETURNS bigint
LANGUAGE "sql"
STABLE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
BEGIN ATOMIC
 SELECT count("Mixed Case"."select") AS count
    FROM "a.b"."Mixed Case";
END;

RESET lock_timeout;
