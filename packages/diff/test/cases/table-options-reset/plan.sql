ALTER TABLE "public"."t" RESET (fillfactor);
