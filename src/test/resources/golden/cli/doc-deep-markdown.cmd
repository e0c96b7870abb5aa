# devq doc refuses a document nested too deep, before the Markdown parser sees it
doc --check src/test/resources/fixtures/deep-quotes.md
