# every boolean statement is a check: quantifiers, and/or/not; counterexamples are named
check src/test/resources/fixtures/false-quantified.devq
