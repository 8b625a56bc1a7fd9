SET lock_timeout = '5s';

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."e";

CREATE TABLE "public"."e" (
  "at" date NOT NULL,
  "v" integer
) PARTITION BY RANGE (at);

CREATE TABLE "public"."e_2024" PARTITION OF "public"."e" FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

CREATE TABLE "public"."e_default" PARTITION OF "public"."e" DEFAULT;

RESET lock_timeout;
