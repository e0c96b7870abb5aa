# --holdout naming no column of the CSV is refused before fitting, with the columns and the nearest;
# it fell back to the fit's own residuals after the fit, and wrote that range with --force
calibrate --holdout sourc --out target/calibrate-bad-holdout src/test/resources/fixtures/calibrate-not-bare.csv
