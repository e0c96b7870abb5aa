# list ops is a table with the support status per compute unit
list ops
