# validate reports rows it cannot predict with their CSV position, keeps the others, and exits 2
validate src/test/resources/validate/bad-rows.csv
