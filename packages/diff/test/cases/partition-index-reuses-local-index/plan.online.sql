SET lock_timeout = '5s';

CREATE INDEX "ev_k" ON ONLY "public"."ev" USING "btree" ("k");

ALTER INDEX "public"."ev_k" ATTACH PARTITION "public"."ev_a_k";

RESET lock_timeout;
