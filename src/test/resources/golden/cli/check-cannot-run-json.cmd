# the same review as JSON: a side that cannot run is an object with cannot_run, needs, allows and limit
check --format json src/test/resources/fixtures/review-cannot-run.md
