SET lock_timeout = '5s';

-- hazards: enum-value-uncommitted
ALTER TYPE "public"."mood" ADD VALUE 'ok' AFTER 'sad';

RESET lock_timeout;
