# eval exits 1 when a check it printed failed
eval "all s in socs: s.year > 2018"
