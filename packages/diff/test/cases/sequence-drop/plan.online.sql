SET lock_timeout = '5s';

-- hazards: deletes-data
DROP SEQUENCE "public"."ids";

RESET lock_timeout;
