# a misspelt --unit of search gets the nearest compute unit
search --unit gpuu 'layer norm'
