SELECT s = 'on' FROM t
