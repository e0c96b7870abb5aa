# JSON: an array, id first, best match first, with grid, numbered notes and sources
search sdpa --limit 2 --soc a17_pro --format json
