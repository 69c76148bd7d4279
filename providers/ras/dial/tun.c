/*
 * tun.c - a TUN interface for a dial-up link (see tun.h): TUNSETIFF on
 * /dev/net/tun, then the address, the peer's address, the netmask, the MTU
 * and the flags through the classic SIOCSIF* ioctls on a datagram socket.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if_tun.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tun.h"

static void set_addr(struct ifreq *ifr, uint32_t host_order)
{
    struct sockaddr_in *sin = (struct sockaddr_in *)&ifr->ifr_addr;
    memset(&ifr->ifr_addr, 0, sizeof ifr->ifr_addr);
    sin->sin_family = AF_INET;
    sin->sin_addr.s_addr = htonl(host_order);
}

int nr_tun_open(const char *pattern, uint32_t local, uint32_t peer, unsigned mtu, char name[NR_TUN_NAME_MAX],
                char *why, size_t why_size)
{
    struct ifreq ifr;
    const char *step = "open /dev/net/tun";
    int fd, sock = -1, err;

    name[0] = '\0';
    if (!pattern || !*pattern || strlen(pattern) >= IFNAMSIZ) {
        if (why)
            snprintf(why, why_size, "\"%s\" is not an interface name (1 to %d characters)", pattern ? pattern : "",
                     IFNAMSIZ - 1);
        errno = EINVAL;
        return -1;
    }
    fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        goto fail;
    memset(&ifr, 0, sizeof ifr);
    ifr.ifr_flags = IFF_TUN | IFF_NO_PI;
    snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "%s", pattern);
    step = "create the interface";
    if (ioctl(fd, TUNSETIFF, &ifr) < 0)
        goto fail;
    snprintf(name, NR_TUN_NAME_MAX, "%s", ifr.ifr_name);
    sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    step = "configure it";
    if (sock < 0)
        goto fail;
    set_addr(&ifr, local);
    step = "set its address";
    if (ioctl(sock, SIOCSIFADDR, &ifr) < 0)
        goto fail;
    set_addr(&ifr, peer);
    step = "set the server's address";
    if (ioctl(sock, SIOCSIFDSTADDR, &ifr) < 0)
        goto fail;
    set_addr(&ifr, 0xffffffffu);
    step = "set its netmask";
    if (ioctl(sock, SIOCSIFNETMASK, &ifr) < 0)
        goto fail;
    ifr.ifr_mtu = (int)mtu;
    step = "set its MTU";
    if (mtu && ioctl(sock, SIOCSIFMTU, &ifr) < 0)
        goto fail;
    step = "bring it up";
    if (ioctl(sock, SIOCGIFFLAGS, &ifr) < 0)
        goto fail;
    ifr.ifr_flags |= IFF_UP | IFF_RUNNING | IFF_POINTOPOINT;
    if (ioctl(sock, SIOCSIFFLAGS, &ifr) < 0)
        goto fail;
    close(sock);
    return fd;

fail:
    err = errno;
    if (why)
        snprintf(why, why_size, "interface %s: cannot %s: %s", name[0] ? name : pattern, step, strerror(err));
    if (sock >= 0)
        close(sock);
    if (fd >= 0)
        close(fd);
    name[0] = '\0';
    errno = err;
    return -1;
}
