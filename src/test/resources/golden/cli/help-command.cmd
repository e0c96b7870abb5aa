# devq help COMMAND shows the command usage
help check
