# each document loads the profile overlays its front matter names (relative to the document):
# the overlay's 128 GB MacBook exists for review.md, not for the document without front matter
check src/test/resources/fixtures/front-matter/review.md src/test/resources/fixtures/front-matter/no-front-matter.md
