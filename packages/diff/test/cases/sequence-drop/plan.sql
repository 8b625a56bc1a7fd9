-- hazards: deletes-data
DROP SEQUENCE "public"."ids";
