CREATE TYPE "public"."mood" AS ENUM ('sad', 'ok', 'happy');

CREATE TABLE "public"."t" (
  "m" "public"."mood" DEFAULT 'ok'::public.mood NOT NULL
);
