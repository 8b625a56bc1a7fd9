SET lock_timeout = '5s';

-- hazards: not-transactional
-- outside a transaction
DROP INDEX CONCURRENTLY "public"."t_note";

RESET lock_timeout;
