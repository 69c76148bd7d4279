/*
 * tun.h - the kernel's side of a dial-up link: a TUN interface (Linux
 * /dev/net/tun, no packet information) configured as the point-to-point
 * end of the negotiated PPP link, our address and the server's, up.
 * Closing the descriptor removes the interface.
 *
 * It owns the descriptor it returns and nothing else; no threads, no
 * state.  Creating an interface needs CAP_NET_ADMIN.
 *
 *     char name[NR_TUN_NAME_MAX], why[200];
 *     int fd = nr_tun_open("ras%d", 0x0a00020f, 0x0a000202, 1500, name, why, sizeof why);
 *     ... read(fd) gives the IPv4 datagrams the kernel routes to the server,
 *         write(fd, datagram) hands one from the server to the kernel ...
 *     close(fd);
 */
#ifndef NR_RAS_TUN_H
#define NR_RAS_TUN_H

#include <stddef.h>
#include <stdint.h>

#define NR_TUN_NAME_MAX 16 /* IFNAMSIZ */

/* Creates the interface (pattern: a name, "%d" for the first free number),
 * gives it local and peer (host order) as a point-to-point /32 with mtu,
 * and brings it up.  Returns its non-blocking descriptor and its name in
 * name (NR_TUN_NAME_MAX octets), or -1 with errno set and, when why is not
 * NULL, a sentence there naming the interface, the step and the reason. */
int nr_tun_open(const char *pattern, uint32_t local, uint32_t peer, unsigned mtu, char name[NR_TUN_NAME_MAX],
                char *why, size_t why_size);

#endif
