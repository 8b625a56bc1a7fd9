SET lock_timeout = '5s';

-- hazards: enum-value-uncommitted
ALTER TYPE "public"."s" ADD VALUE 'a' BEFORE 'b';

-- hazards: enum-value-uncommitted
ALTER TYPE "public"."s" ADD VALUE 'c' AFTER 'b';

-- hazards: enum-value-uncommitted
ALTER TYPE "public"."s" ADD VALUE 'e' AFTER 'd';

RESET lock_timeout;
