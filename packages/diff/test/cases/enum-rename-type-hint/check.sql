SELECT m = 'b' FROM t
