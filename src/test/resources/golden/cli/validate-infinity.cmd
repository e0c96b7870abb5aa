# an infinite measurement is refused at its row, never shown as an error of NaN%
validate src/test/resources/validate/infinity.csv
