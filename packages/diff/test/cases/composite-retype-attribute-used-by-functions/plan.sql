ALTER TYPE "public"."pair" ALTER ATTRIBUTE "x" TYPE bigint;
