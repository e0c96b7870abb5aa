# devq check of checks whose answers are unknown: each fails (exit 1) and says why; a check that a known false item decides passes
check src/test/resources/fixtures/unknown-facts.devq
