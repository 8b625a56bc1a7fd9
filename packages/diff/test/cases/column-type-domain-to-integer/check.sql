SELECT v::text = '7' FROM t
