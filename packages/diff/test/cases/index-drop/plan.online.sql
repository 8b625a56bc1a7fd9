SET lock_timeout = '5s';

-- hazards: not-transactional
-- outside a transaction
DROP INDEX CONCURRENTLY "public"."t_a";

RESET lock_timeout;
