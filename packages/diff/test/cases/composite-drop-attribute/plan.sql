-- hazards: deletes-data
ALTER TYPE "public"."pair" DROP ATTRIBUTE "b";
