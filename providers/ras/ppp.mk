# providers/ras/ppp.mk: the PPP state machines and their tests
