ALTER INDEX "public"."i1" RENAME TO "t_a_idx";
