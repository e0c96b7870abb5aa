# validate --format json: summary figures as fractions, one result per row with the CSV columns
validate --format json src/test/resources/validate/small.csv
