SELECT v::text = '{"a": 1}' FROM t
