# calibrate never writes into the shipped profiles: it needs --out or --profiles
calibrate src/test/resources/fixtures/calibrate-not-bare.csv
