# notifiers/log: see later commits
