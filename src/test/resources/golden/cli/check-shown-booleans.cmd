# a list of booleans in a review is refused: a false in it would not fail CI
check src/test/resources/fixtures/shown-booleans.md
