# a table with no rows says so in Markdown as in text, rather than a header alone
eval --format markdown "table d in devices where d.year > 3000: d, d.ram"
