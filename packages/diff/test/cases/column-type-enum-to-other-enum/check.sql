SELECT v::text = 'y' FROM t
