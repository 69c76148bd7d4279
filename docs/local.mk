# docs: see later commits
