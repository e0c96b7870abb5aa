# a whole number too large for --limit is refused with the range it may take, not as if it were no number
search --limit 99999999999 conv
