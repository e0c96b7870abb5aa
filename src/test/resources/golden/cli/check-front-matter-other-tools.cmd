# front matter of other tools is left alone, and a fence inside front matter is text, not a query
check src/test/resources/fixtures/front-matter/other-tools.md src/test/resources/fixtures/front-matter/fence-inside.md
