# Shared by the scripts that start test servers: loopback ports.
# shellcheck shell=bash

# A TCP port free on 127.0.0.1 right now, chosen below the kernel's
# ephemeral range: a server that takes a minute to bind it (Keycloak, CAS)
# must not find it taken meanwhile by some outgoing connection's local port,
# which the kernel draws from that range.
free_port() {
  python3 - <<'PY'
import random, socket
try:
    with open('/proc/sys/net/ipv4/ip_local_port_range') as f:
        ephemeral_start = int(f.read().split()[0])
except OSError:
    ephemeral_start = 32768
low, high = 20000, min(ephemeral_start, 32768) - 1
for _ in range(200 if high > low else 0):
    port = random.randint(low, high)
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
    except OSError:
        continue
    finally:
        s.close()
    print(port)
    break
else:
    s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

# Succeeds when something already listens on 127.0.0.1:$1.
port_in_use() {
  python3 -c 'import socket, sys; s=socket.socket(); sys.exit(s.connect_ex(("127.0.0.1", int(sys.argv[1]))) != 0)' "$1"
}
