# a word typed in full lists the ops it starts or is a word of before a typo of another name (cond is one edit from conv)
search conv --unit ane --soc a17_pro
