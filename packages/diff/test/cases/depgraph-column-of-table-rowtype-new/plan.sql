CREATE TABLE "public"."z_item" (
  "id" integer NOT NULL,
  "name" text,
  CONSTRAINT "z_item_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "public"."a_holder" (
  "id" integer NOT NULL,
  "item" "public"."z_item",
  CONSTRAINT "a_holder_pkey" PRIMARY KEY ("id")
);
