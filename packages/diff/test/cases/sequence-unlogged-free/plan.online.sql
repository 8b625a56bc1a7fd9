SET lock_timeout = '5s';

ALTER SEQUENCE "public"."s1" SET UNLOGGED;

ALTER SEQUENCE "public"."s2" SET LOGGED;

RESET lock_timeout;
