# a missing file whose name is no query: no hint about eval
check no-such-review.md
