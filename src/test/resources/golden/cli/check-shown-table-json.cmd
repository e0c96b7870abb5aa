# a table column of booleans in JSON: the warning is in the report's warnings, with its position
check --format json src/test/resources/fixtures/shown-table.md
