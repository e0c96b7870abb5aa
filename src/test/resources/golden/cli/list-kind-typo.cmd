# a misspelt kind of list gets the nearest choice
list device
