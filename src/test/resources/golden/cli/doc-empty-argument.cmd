# an empty FILE.md is refused as an empty argument, not as "  is not a Markdown review"
doc ""
