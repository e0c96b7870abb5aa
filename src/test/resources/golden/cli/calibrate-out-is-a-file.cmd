# calibrate refuses an --out that is a file before fitting (it was exit 3 after the fit)
calibrate --out src/test/resources/fixtures/calibrate-not-bare.csv src/test/resources/fixtures/calibrate-not-bare.csv
