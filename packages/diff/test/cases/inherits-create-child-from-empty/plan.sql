CREATE TABLE "public"."base" (
  "id" integer DEFAULT 1 NOT NULL,
  "name" text,
  CONSTRAINT "base_id_check" CHECK ((id > 0))
);

CREATE TABLE "public"."child" (
  "extra" text
) INHERITS ("public"."base");
