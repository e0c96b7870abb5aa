# an overlay with a misspelled key, a bandwidth in MB and a device naming an unknown SoC,
# given before the subcommand: exit 2, three file:line:col errors with suggestions
--profiles src/test/resources/cli-overlays/three-errors list socs
