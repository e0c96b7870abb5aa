# devq help FUNCTION shares the text of the REPL :help
help latency
