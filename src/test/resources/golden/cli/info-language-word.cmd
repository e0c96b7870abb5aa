# a function of the query language given to info points at help, not at a near name
info latency
