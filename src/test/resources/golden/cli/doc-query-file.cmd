# doc refuses a .devq query file: it has no ```devq blocks, so doc said "up to date; 0 checks passed" of failing checks
doc --check src/test/resources/fixtures/false-quantified.devq
