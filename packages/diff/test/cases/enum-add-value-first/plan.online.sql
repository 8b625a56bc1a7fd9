SET lock_timeout = '5s';

-- hazards: enum-value-uncommitted
ALTER TYPE "public"."mood" ADD VALUE 'sad' BEFORE 'ok';

RESET lock_timeout;
