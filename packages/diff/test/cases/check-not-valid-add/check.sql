SELECT count(*) = 1 FROM t WHERE price = -1
