# a category search cut by --limit says how many it left out and the --limit that shows them all
search category:activation --limit 2
