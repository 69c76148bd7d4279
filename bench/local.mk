# bench: see later commits
