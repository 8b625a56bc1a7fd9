SET lock_timeout = '5s';

DROP VIEW "public"."big";

-- hazards: not-transactional
-- outside a transaction
DROP INDEX CONCURRENTLY "public"."t_note";

-- hazards: access-exclusive-lock, rewrites-table
ALTER TABLE "public"."t" ALTER COLUMN "amount" TYPE bigint;

-- hazards: builds-index, not-transactional
-- outside a transaction
CREATE INDEX CONCURRENTLY "t_amount" ON "public"."t" USING "btree" ("amount");

-- hazards: builds-index, not-transactional
-- outside a transaction
CREATE INDEX CONCURRENTLY "t_note" ON "public"."t" USING "btree" ((lower(note)));

CREATE VIEW "public"."big" AS SELECT t.id,
    t.amount
   FROM public.t
  WHERE t.amount > 100;

RESET lock_timeout;
