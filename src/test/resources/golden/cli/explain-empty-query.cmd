# an empty query is refused as eval refuses it, not as a syntax error at 1:1
explain ''
