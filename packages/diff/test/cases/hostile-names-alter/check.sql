SELECT "ünïcödé" = 'é' FROM "Mixed Case"."select"
