# the M1 Pro ships only in Macs: under iOS it runs nothing, and the grid says so
search layer norm --os 'iOS 18' --soc m1_pro --limit 1
