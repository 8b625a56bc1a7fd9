SELECT count(*) = 1 FROM visit
