SET lock_timeout = '5s';

CREATE TABLE "public"."t" (
  "id" integer,
  "name" text,
  "n" integer
);

CREATE VIEW "public"."v" AS SELECT t.id,
    u.x
   FROM public.t
     JOIN ( SELECT 1 AS x) u ON true;

RESET lock_timeout;
