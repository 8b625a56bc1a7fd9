SELECT count(*) = 2 FROM t WHERE m IN ('sad', 'ok') AND (SELECT count(*) FROM notes) = 1
