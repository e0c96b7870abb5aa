# a table column of booleans is shown, not checked: a warning on stderr, and no checks in the file
check src/test/resources/fixtures/shown-table.md
