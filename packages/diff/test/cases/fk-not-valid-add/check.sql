SELECT count(*) = 1 FROM b WHERE a_id = 42
