-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "s" TYPE character varying(20);
