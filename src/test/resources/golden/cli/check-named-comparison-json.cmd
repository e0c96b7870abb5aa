# the same as JSON: a named comparison's check has operands, ops, margin and only_at_estimate
check --format json src/test/resources/fixtures/named-comparisons.devq
