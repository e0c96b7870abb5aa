# a category search cut by --limit ends its JSON with the category element carrying how many matched in all
search category:activation --limit 1 --format json
