SET lock_timeout = '5s';

-- hazards: deletes-data
ALTER TYPE "public"."pair" DROP ATTRIBUTE "b";

RESET lock_timeout;
