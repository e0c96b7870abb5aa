# a misspelt filter field was searched as a word (ops mentioning normalization); it is refused
# with the filter it nearly names
search catgory:normalization
