# a broken --profiles overlay under --format json prints the JSON errors document on standard output too (exit 2)
--profiles src/test/resources/models-bad list models --format json
