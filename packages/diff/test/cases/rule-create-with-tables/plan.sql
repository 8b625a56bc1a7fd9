CREATE TABLE "public"."orders" (
  "id" integer NOT NULL,
  "total" numeric,
  CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "public"."orders_log" (
  "id" integer,
  "total" numeric
);

-- hazards: access-exclusive-lock
CREATE RULE "orders_audit" AS ON INSERT TO public.orders DO  INSERT INTO public.orders_log (id, total)
  VALUES (new.id, new.total);
