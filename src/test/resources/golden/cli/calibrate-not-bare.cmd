# calibrate refuses rows that are not a bare estimate, naming them: it fits what validate reports
calibrate --out target/calibrate-refused src/test/resources/fixtures/calibrate-not-bare.csv
