-- hazards: access-exclusive-lock
ALTER TABLE "public"."child" NO INHERIT "public"."base";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."child" DROP CONSTRAINT "base_id_small";
