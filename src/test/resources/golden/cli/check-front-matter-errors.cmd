# a misspelled devq key, missing folders, folders outside the document's tree and a non-list:
# positioned errors, exit 2, nothing runs
check src/test/resources/fixtures/front-matter/bad-keys.md src/test/resources/fixtures/front-matter/not-a-list.md
