SET lock_timeout = '5s';

DROP SCHEMA "old";

RESET lock_timeout;
