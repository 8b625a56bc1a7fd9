DROP VIEW "public"."big";

-- hazards: access-exclusive-lock, rewrites-table
ALTER TABLE "public"."t" ALTER COLUMN "amount" TYPE bigint;

-- hazards: access-exclusive-lock, builds-index, may-fail-on-existing-data
ALTER TABLE "public"."t" ADD CONSTRAINT "t_code_key" UNIQUE ("code");

CREATE VIEW "public"."big" AS SELECT id,
    amount
   FROM public.t
  WHERE amount > 100;
