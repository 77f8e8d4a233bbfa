// jiceng-protoc's library: lexer → parser → linker → descriptor writer (→ Swift renderer).
