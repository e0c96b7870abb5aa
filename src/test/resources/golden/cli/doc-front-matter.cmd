# plain devq doc --check loads the front matter's overlays: the result is only missing (exit 1)
doc --check src/test/resources/fixtures/front-matter/review.md
