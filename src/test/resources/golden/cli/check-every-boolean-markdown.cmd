# a Markdown report shows the counterexamples in the margin column
check --format markdown src/test/resources/fixtures/false-quantified.devq
