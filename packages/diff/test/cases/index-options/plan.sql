ALTER INDEX "public"."t_a" SET (fillfactor=70);
