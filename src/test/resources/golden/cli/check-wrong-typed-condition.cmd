# a wrong-typed thermal state, unit set or start is a positioned error (exit 2)
check src/test/resources/fixtures/wrong-typed-condition.devq
