# a token rate compared with a frame rate is a positioned type error before evaluation, even for a model that cannot run (it once FAILED)
check src/test/resources/fixtures/review-token-rate-fps.md
