SET lock_timeout = '5s';

-- hazards: not-transactional
-- outside a transaction
DROP INDEX CONCURRENTLY "public"."a_t_norm";

DROP FUNCTION "public"."z_norm"(t text);

RESET lock_timeout;
