# the same overlay given after the subcommand reports the same three errors
list socs --profiles src/test/resources/cli-overlays/three-errors
