# the same checks in JSON: each unknown answer and unknown item carries the range note as reason
check --format json src/test/resources/fixtures/range-end-unknown.devq
