/*
 * fuzz-ipc.c - libFuzzer target: the decoder of the protocol between the
 * router and netrouter-plugin-host (router/common/ipc.h), as either end
 * receives a message from a peer that may be broken or hostile.
 *
 * The input is the message as recv() would hand it.  Refused: nothing is
 * read.  Accepted: its fields are read as the first octet of the payload
 * says (a script of u32, u64, str, blob and NETRESOURCE reads, the kinds of
 * every request and answer), and every read stays inside the payload: a
 * string ends with its only NUL, a blob is as long as it says, and once a
 * read fails every later read fails too.
 */
#include "config.h"

#include <string.h>

#include "fuzz-util.h"
#include "ipc.h"

static nr_ipc_in in;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint32_t script;
    if (size > sizeof in.b)
        return 0;
    memcpy(in.b, data, size);
    if (!nr_ipc_decode(&in, size))
        return 0;
    FUZZ_ASSERT(in.len == size - NR_IPC_HEADER && in.len <= NR_IPC_MAX_PAYLOAD);
    script = in.type ^ in.id;
    for (int step = 0; step < 64 && in.pos < in.len; step++, script = script >> 3 | script << 29) {
        size_t before = in.pos;
        bool was_bad = in.bad;
        switch (script % 5) {
        case 0:
            (void)nr_ipc_get_u32(&in);
            break;
        case 1:
            (void)nr_ipc_get_u64(&in);
            break;
        case 2: {
            const char *s = nr_ipc_get_str(&in);
            if (s)
                FUZZ_ASSERT(s + strlen(s) < (const char *)in.b + NR_IPC_HEADER + in.len);
            break;
        }
        case 3: {
            uint32_t n;
            const unsigned char *b = nr_ipc_get_blob(&in, &n);
            if (b && n)
                FUZZ_ASSERT(b >= in.b + NR_IPC_HEADER && b + n <= in.b + NR_IPC_HEADER + in.len);
            break;
        }
        default: {
            NETRESOURCEA r;
            if (nr_ipc_get_res(&in, &r) && r.lpRemoteName)
                FUZZ_ASSERT(strlen(r.lpRemoteName) < in.len);
            break;
        }
        }
        FUZZ_ASSERT(in.pos <= in.len);
        FUZZ_ASSERT(!was_bad || (in.bad && in.pos == before));
    }
    return 0;
}
