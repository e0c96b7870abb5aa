# a query that matches nothing says so
search qqqqzzzz
