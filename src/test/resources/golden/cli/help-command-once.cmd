# devq help COMMAND of a REPL command prints its usage once
help list
