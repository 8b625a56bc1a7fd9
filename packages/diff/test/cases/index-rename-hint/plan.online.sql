SET lock_timeout = '5s';

ALTER INDEX "public"."i1" RENAME TO "t_a_idx";

RESET lock_timeout;
