# a table as a Markdown table, numeric columns right-aligned
eval --format markdown 'table s in socs where s.year >= 2024: s, s.year, s.bandwidth'
