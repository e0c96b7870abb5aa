# a check of a name bound to a comparison shows the comparison's sides, margin and pessimistic end
check src/test/resources/fixtures/named-comparisons.devq
