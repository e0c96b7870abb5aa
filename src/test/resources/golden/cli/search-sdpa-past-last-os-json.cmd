# --format json carries what the text names under the grid: the release (os), each shown chip past
# its last release of that platform (last_os: A11 stops at iOS 16) and chips of no device of it
search sdpa --os 'iOS 18' --soc a11 --limit 1 --format json
