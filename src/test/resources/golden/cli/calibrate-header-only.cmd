# calibrate on a header-only CSV writes nothing and exits 2
calibrate --out target/calibrate-header-only src/test/resources/validate/header-only.csv
