# devq help COMMAND of a command that is also a function prints its usage once, then the function
help search
