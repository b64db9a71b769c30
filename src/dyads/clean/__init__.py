"""Clean: find boilerplate and junk, kept as `removed` spans; offsets stay valid."""
