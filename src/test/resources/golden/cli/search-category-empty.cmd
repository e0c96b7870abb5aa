# a category: filter with no category after the colon lists the categories
search gelu category:
