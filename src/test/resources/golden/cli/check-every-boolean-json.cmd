# the same file as JSON: counterexamples as objects with numeric margins
check --format json src/test/resources/fixtures/false-quantified.devq
