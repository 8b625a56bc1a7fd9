SELECT count(*) = 2 AND bool_and(is_open(s)) AND first_st() = 'draft' FROM t
