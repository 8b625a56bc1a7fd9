SET lock_timeout = '5s';

ALTER INDEX "public"."t_a" SET (fillfactor=70);

RESET lock_timeout;
