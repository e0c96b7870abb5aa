# a table as RFC 4180 CSV: CRLF line ends, units in the header, plain decimal numbers
eval --format csv 'table s in socs where s.year >= 2024: s, s.year, s.bandwidth'
