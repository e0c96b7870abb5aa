# a table as JSON: kind, columns with label and unit, rows of numbers in the column's unit
eval --format json 'table s in socs where s.year >= 2024: s, s.year, s.bandwidth'
