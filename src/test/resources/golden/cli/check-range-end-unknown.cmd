# checks on an end of a missing 80% range: a comparison is unknown and says why; a quantifier over
# decoders and one-pass models under llama.cpp answers for the decoders and names the others as
# unknown items (Kleene's logic: a true item decides an any, a false one an all)
check src/test/resources/fixtures/range-end-unknown.devq
