# one overlay with 30 errors: the first 20 are shown and the summary says how many there are
--profiles src/test/resources/cli-overlays/many-errors list socs
