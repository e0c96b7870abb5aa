# a quantifier over socs prints a boolean
eval 'all s in socs where s.year >= 2022: s.ane.tops_fp16 > 10 TOPS'
