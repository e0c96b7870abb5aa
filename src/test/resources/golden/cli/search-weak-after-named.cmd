# hits matched by name get grids; ops found only through a shared word are listed as weak matches
search dilated conv --limit 3
