# the same file as JUnit XML: an unknown check is a failure whose message says why
check --format junit src/test/resources/fixtures/unknown-facts.devq
