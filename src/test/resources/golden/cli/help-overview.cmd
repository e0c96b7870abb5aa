# devq help with no topic: the commands, then how to ask about the language
help
