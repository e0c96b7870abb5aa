# a byte-order mark before a fence on line 1 does not hide the block: 1 > 2 fails
check src/test/resources/fixtures/bom-first-line.md
