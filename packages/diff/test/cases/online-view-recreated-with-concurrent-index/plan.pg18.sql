DROP VIEW "public"."big";

-- hazards: access-exclusive-lock
DROP INDEX "public"."t_note";

-- hazards: access-exclusive-lock, rewrites-table
ALTER TABLE "public"."t" ALTER COLUMN "amount" TYPE bigint;

-- hazards: blocks-writes, builds-index
CREATE INDEX "t_amount" ON "public"."t" USING "btree" ("amount");

-- hazards: blocks-writes, builds-index
CREATE INDEX "t_note" ON "public"."t" USING "btree" ((lower(note)));

CREATE VIEW "public"."big" AS SELECT id,
    amount
   FROM public.t
  WHERE amount > 100;
