SET lock_timeout = '5s';

CREATE TABLE "public"."t" (
  "price" numeric
);

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ADD CONSTRAINT "c" CHECK ((price > (0)::numeric)) NOT VALID;

COMMENT ON CONSTRAINT "c" ON "public"."t" IS 'not valid';

RESET lock_timeout;
