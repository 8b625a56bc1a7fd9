SET lock_timeout = '5s';

-- hazards: builds-index, not-transactional
-- outside a transaction
CREATE INDEX CONCURRENTLY "t_email_idx" ON "public"."t" USING "btree" ("email");

RESET lock_timeout;
