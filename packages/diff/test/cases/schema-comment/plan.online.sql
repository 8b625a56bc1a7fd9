SET lock_timeout = '5s';

COMMENT ON SCHEMA "app" IS 'the application';

RESET lock_timeout;
