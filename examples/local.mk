# examples: see later commits
