# an unknown help topic is bad input (exit 2) with a suggestion
help latncy
