# check --format csv: one RFC 4180 record per check (result, check, where, values, margin)
check --format csv src/test/resources/fixtures/false-quantified.devq
