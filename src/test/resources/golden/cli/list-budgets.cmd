# the rules of thumb budget(name) reads, each with its value, source and description
list budgets
