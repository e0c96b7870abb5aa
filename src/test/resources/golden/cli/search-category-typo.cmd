# a misspelt category that matches no op still gets the category's line
search normalisation
