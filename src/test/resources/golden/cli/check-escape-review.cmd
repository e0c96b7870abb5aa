# a document never reads outside its folder, nor devices, nor non-query files (exit 2, no content echoed)
check src/test/resources/fixtures/escape-review.md
