# providers/ras/ppp: PPP in user space, one file per protocol — RFC 1662
# framing (hdlc), RFC 1661 packets and automaton, LCP, authentication (PAP,
# CHAP-MD5, MS-CHAP v2 on nettle), IPCP with DNS, CBCP, the link's counters
# (ppp-stats), and the link that runs them over a descriptor. Everything but
# ppp-link is I/O-free and clock-injected. Sees <netrouter/ras.h> and
# router/common only: it knows nothing of modems, phonebooks or dialing.
noinst_LTLIBRARIES += providers/ras/ppp/libnrras-ppp.la
providers_ras_ppp_libnrras_ppp_la_SOURCES = \
	providers/ras/ppp/hdlc.h providers/ras/ppp/hdlc.c \
	providers/ras/ppp/ppp-packet.h providers/ras/ppp/ppp-packet.c \
	providers/ras/ppp/ppp-fsm.h providers/ras/ppp/ppp-fsm.c \
	providers/ras/ppp/ppp-lcp.h providers/ras/ppp/ppp-lcp.c \
	providers/ras/ppp/ppp-mschap.h providers/ras/ppp/ppp-mschap.c \
	providers/ras/ppp/ppp-auth.h providers/ras/ppp/ppp-auth.c \
	providers/ras/ppp/ppp-ipcp.h providers/ras/ppp/ppp-ipcp.c \
	providers/ras/ppp/ppp-cbcp.h providers/ras/ppp/ppp-cbcp.c \
	providers/ras/ppp/ppp-stats.h providers/ras/ppp/ppp-stats.c \
	providers/ras/ppp/ppp-link.h providers/ras/ppp/ppp-link.c
providers_ras_ppp_libnrras_ppp_la_CPPFLAGS = $(NR_RAS_PPP_CPPFLAGS)
providers_ras_ppp_libnrras_ppp_la_CFLAGS = $(NR_RAS_LAYER_CFLAGS) $(NETTLE_CFLAGS)
providers_ras_ppp_libnrras_ppp_la_LIBADD = $(NETTLE_LIBS)
