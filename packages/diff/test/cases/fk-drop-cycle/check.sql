SELECT count(*) = 1 FROM kept
