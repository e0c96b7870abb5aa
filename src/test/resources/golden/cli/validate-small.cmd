# validate prints one line per row, the breakdowns by fidelity and by compute units, and the summary line
validate src/test/resources/validate/small.csv
