SELECT count(*) = 1 FROM t WHERE code = 'a'
