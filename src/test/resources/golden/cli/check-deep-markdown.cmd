# 10,000 nested block quotes and 5,000 nested list items: one positioned error each, exit 2, no
# StackOverflowError and no 30 s parse
check src/test/resources/fixtures/deep-quotes.md src/test/resources/fixtures/deep-lists.md
