# a review constraint that used to pass: a 13B model on a 4 GB phone cannot run, so it FAILS, saying why
check src/test/resources/fixtures/review-cannot-run.md
