SET lock_timeout = '5s';

CREATE TABLE "public"."base" (
  "id" integer DEFAULT 1,
  "name" text DEFAULT 'b'::text,
  "note" text
);

CREATE TABLE "public"."child" (
  "note" text NOT NULL,
  "extra" text
) INHERITS ("public"."base");

COMMENT ON COLUMN "public"."child"."id" IS 'the child''s own';

ALTER TABLE "public"."child" ALTER COLUMN "id" SET DEFAULT 7;

ALTER TABLE "public"."child" ALTER COLUMN "name" DROP DEFAULT;

ALTER TABLE "public"."child" ALTER COLUMN "name" SET NOT NULL;

RESET lock_timeout;
