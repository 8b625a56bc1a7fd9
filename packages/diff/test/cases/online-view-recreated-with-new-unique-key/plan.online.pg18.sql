SET lock_timeout = '5s';

DROP VIEW "public"."big";

-- hazards: access-exclusive-lock, rewrites-table
ALTER TABLE "public"."t" ALTER COLUMN "amount" TYPE bigint;

-- hazards: builds-index, may-fail-on-existing-data, not-transactional
-- outside a transaction
CREATE UNIQUE INDEX CONCURRENTLY "t_code_key" ON "public"."t" USING "btree" ("code");

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ADD CONSTRAINT "t_code_key" UNIQUE USING INDEX "t_code_key";

CREATE VIEW "public"."big" AS SELECT id,
    amount
   FROM public.t
  WHERE amount > 100;

RESET lock_timeout;
