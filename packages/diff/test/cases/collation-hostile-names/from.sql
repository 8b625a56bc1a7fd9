CREATE SCHEMA "Mixed Case";
