SELECT s = 'abc' FROM t
