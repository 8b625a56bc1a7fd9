SELECT count(*) = 1 FROM b
