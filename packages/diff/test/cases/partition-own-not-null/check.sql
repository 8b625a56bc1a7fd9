SELECT count(*) = 2 FROM reading
