COMMENT ON SCHEMA "app" IS 'the application';
