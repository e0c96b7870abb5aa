# a table query prints aligned columns, numbers right-aligned, one unit per column in its header
eval 'table s in socs where s.year >= 2024: s, s.year, s.bandwidth'
