# CSV: a text cell or label a spreadsheet would run as a formula opens as text; numbers, negative ones too, stay numbers
eval --format csv 'table s in ["=HYPERLINK(\"http://example.com\", \"x\")", "+1", "-2+3", "@SUM(A1)", "plain"]: s, 0 - 3.5, s as "=label"'
