# a CSV with a header and no rows is bad input (exit 2), never "0 rows, NaN%"
validate src/test/resources/validate/header-only.csv
