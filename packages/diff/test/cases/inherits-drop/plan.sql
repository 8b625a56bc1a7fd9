-- hazards: access-exclusive-lock
ALTER TABLE "public"."child" NO INHERIT "public"."base";
