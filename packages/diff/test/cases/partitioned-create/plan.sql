CREATE TABLE "public"."ev" (
  "id" bigint,
  "at" date NOT NULL
) PARTITION BY RANGE (at);

CREATE TABLE "public"."ev_2024" PARTITION OF "public"."ev" FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

CREATE TABLE "public"."ev_rest" PARTITION OF "public"."ev" DEFAULT;

-- hazards: blocks-writes, builds-index
CREATE INDEX "ev_at" ON "public"."ev" USING "btree" ("at");
