# a kind of entity given to info points at list; it was looked up as a name ("did you mean acos?")
info socs
