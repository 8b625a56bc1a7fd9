-- hazards: access-exclusive-lock
ALTER TABLE "public"."child" INHERIT "public"."base";
