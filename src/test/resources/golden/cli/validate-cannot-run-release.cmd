# a measurement row under a release its target never runs is a wrong row: "cannot run" in the rule's words, the caret under the os argument
validate src/test/resources/validate/release-rows.csv
