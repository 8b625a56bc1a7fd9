SELECT doc->>'a' = '1' FROM t
