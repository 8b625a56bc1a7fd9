SET lock_timeout = '5s';

-- hazards: deletes-data
ALTER TYPE "public"."pair" DROP ATTRIBUTE "gone";

ALTER TYPE "public"."pair" ALTER ATTRIBUTE "x" TYPE numeric;

ALTER TYPE "public"."pair" ADD ATTRIBUTE "z" date;

RESET lock_timeout;
