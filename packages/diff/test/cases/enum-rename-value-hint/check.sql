SELECT s = 'active' FROM t
