# a word that names an op category ends the answer with the category's size and the query that lists it
search activation --unit ane --soc a17_pro --limit 2
