# a field filter lists the ops of a category; --unit and --soc narrow the grid to one cell
search category:normalization --unit ane --soc 'A17 Pro' --limit 10
