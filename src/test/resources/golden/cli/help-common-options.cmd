# help and completion accept the common options after the command name, as every other command does
help check --no-color --profiles src/test/resources/fixtures
