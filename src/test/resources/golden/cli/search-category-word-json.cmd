# the category a plural names is the last element of the JSON, with the same count and query as the text's line
search activations --unit ane --soc a17_pro --limit 1 --format json
