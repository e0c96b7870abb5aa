# a failing comparison chain says "is not" only at the link that fails
eval "1ms < 0.5ms < 5ms"
