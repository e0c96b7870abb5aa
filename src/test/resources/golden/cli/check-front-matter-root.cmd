# --root widens where front-matter folders may be, as for file= fences
check --root src/test/resources/fixtures/front-matter src/test/resources/fixtures/front-matter/sub/sibling-overlay.md
