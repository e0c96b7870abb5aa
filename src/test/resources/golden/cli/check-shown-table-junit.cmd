# a file with no checks is named in the JUnit report, so an empty suite does not read as a pass
check --format junit src/test/resources/fixtures/shown-table.md
