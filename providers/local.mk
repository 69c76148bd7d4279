# providers/: one directory per provider plugin.
include $(srcdir)/providers/ras/local.mk
include $(srcdir)/providers/sshfs/local.mk
