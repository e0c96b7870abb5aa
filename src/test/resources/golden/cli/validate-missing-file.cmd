# validate of a missing file: the error alone, exit 2
validate no-such-measurements.csv
