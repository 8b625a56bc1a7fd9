SET lock_timeout = '5s';

ALTER SEQUENCE "public"."ids" AS integer INCREMENT BY 2 MAXVALUE 5000 CACHE 10;

RESET lock_timeout;
