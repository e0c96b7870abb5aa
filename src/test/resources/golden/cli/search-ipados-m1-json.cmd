# the M1 ships in iPads, whose iPadOS counts as iOS: under iPadOS 18 it runs, last_os and
# other_platform are empty
search layer norm --os 'iPadOS 18' --soc m1 --limit 1 --format json
