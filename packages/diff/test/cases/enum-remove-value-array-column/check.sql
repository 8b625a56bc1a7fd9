SELECT tags = '{a,b}' FROM t
