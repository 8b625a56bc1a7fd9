SET lock_timeout = '5s';

ALTER SEQUENCE "public"."ticket_id_seq" OWNED BY NONE;

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."ticket";

CREATE TABLE "public"."ticket" (
  "id" integer DEFAULT nextval('public.ticket_id_seq'::regclass) NOT NULL,
  "lane" text NOT NULL,
  CONSTRAINT "ticket_pkey" PRIMARY KEY ("id", "lane")
) PARTITION BY LIST (lane);

CREATE TABLE "public"."ticket_fast" PARTITION OF "public"."ticket" FOR VALUES IN ('fast');

ALTER SEQUENCE "public"."ticket_id_seq" OWNED BY "public"."ticket"."id";

RESET lock_timeout;
