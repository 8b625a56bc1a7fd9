SET lock_timeout = '5s';

CREATE TABLE "public"."a""b" (
  "id" integer NOT NULL,
  CONSTRAINT "x y" PRIMARY KEY ("id")
);

COMMENT ON INDEX "public"."x y" IS 'new';

COMMENT ON INDEX "public"."t_code_key" IS NULL;

COMMENT ON INDEX "public"."t_pkey" IS 'the key';

COMMENT ON INDEX "public"."t_r_excl" IS 'no overlap';

RESET lock_timeout;
