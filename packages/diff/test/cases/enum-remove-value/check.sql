SELECT count(*) = 2 FROM t WHERE m IN ('sad','ok')
