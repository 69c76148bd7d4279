# tests: see later commits
