# a category: filter that names no category says so and lists the categories, with the nearest;
# it matched nothing and said only "nothing matches"
search category:nrmalization
