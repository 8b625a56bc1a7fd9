SET lock_timeout = '5s';

DROP VIEW "public"."ev";

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."e";

CREATE TABLE "public"."e" (
  "at" date,
  "k" integer
) PARTITION BY LIST (k);

-- hazards: blocks-writes, builds-index
CREATE INDEX "e_k" ON "public"."e" USING "btree" ("k");

CREATE VIEW "public"."ev" AS SELECT e.k
   FROM public.e;

RESET lock_timeout;
