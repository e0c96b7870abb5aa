# an empty expression to draw is refused as eval refuses an empty query, not as a syntax error at 1:1
plot --roofline ' '
