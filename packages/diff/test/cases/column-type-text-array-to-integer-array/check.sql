SELECT v::text = '{1,2}' FROM t
