# a front-matter folder outside the document's folder is refused, as a file= fence's would be
check src/test/resources/fixtures/front-matter/sub/sibling-overlay.md
