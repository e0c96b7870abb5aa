# arithmetic that overflows is an error at its span, never infinity
eval "1e308 * 10"
