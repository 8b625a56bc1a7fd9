SET lock_timeout = '5s';

DROP EXTENSION "citext";

RESET lock_timeout;
