# a set builder prints the list
eval '[s in socs where s.year >= 2022]'
