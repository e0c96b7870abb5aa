# JUnit lists every counterexample of a failing quantified check
check --format junit src/test/resources/fixtures/false-quantified.devq
