# adding bytes and time points at the operator
eval '1 GB + 3 ms'
