#!/usr/bin/env bash
# pg-test-server.sh start DIR | stop DIR
#
# A throwaway PostgreSQL server for the test suite. `start` creates a cluster in DIR (which must be
# empty or absent), starts it on a free loopback port with its socket inside DIR, creates the
# database `jiceng_test`, and prints its URL on stdout (everything else goes to stderr). `stop`
# stops the server and removes DIR. Trust authentication on loopback only: nothing but this
# machine's tests can reach it, and it lives only as long as the test run.
#
# As root the cluster runs as the `postgres` user (created by Debian's postgresql package) or,
# failing that, `nobody`: PostgreSQL refuses to run as root.
set -euo pipefail

die() { echo "pg-test-server: $*" >&2; exit 1; }

command="${1:-}"
dir="${2:-}"
[[ -n "$command" && -n "$dir" ]] || die "usage: $0 start|stop DIR"

bindir=""
for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$candidate/initdb" && -x "$candidate/pg_ctl" ]]; then bindir="$candidate"; break; fi
done
if [[ -z "$bindir" ]] && command -v pg_ctl >/dev/null 2>&1; then bindir="$(dirname "$(command -v pg_ctl)")"; fi
[[ -n "$bindir" ]] || die "PostgreSQL server binaries not found (install Debian's postgresql package: apt-get install postgresql)"

# Runs a command as the cluster's owner. As root, also in a mount namespace of its own with a
# private /dev (null, zero, random, urandom, shm, fd): initdb and the server write to /dev/null
# as the owner, and on a shared machine something may replace the host's /dev/null with a plain
# root-owned file (a tool writing its output "atomically" there does that), which would make them
# fail obscurely. A bind mount over /dev/null alone would not do: replacing the host's file
# detaches it.
private_dev='mount -t tmpfs -o mode=755 jiceng-pg-dev /dev &&
    mknod -m 666 /dev/null c 1 3 && mknod -m 666 /dev/zero c 1 5 &&
    mknod -m 666 /dev/random c 1 8 && mknod -m 666 /dev/urandom c 1 9 &&
    mkdir -m 1777 /dev/shm && ln -s /proc/self/fd /dev/fd &&
    ln -s /proc/self/fd/0 /dev/stdin && ln -s /proc/self/fd/1 /dev/stdout && ln -s /proc/self/fd/2 /dev/stderr &&
    exec runuser -u "$1" -- "${@:2}"'
as_owner() {
    if [[ $(id -u) -ne 0 ]]; then
        "$@"
    elif unshare --mount --propagation private true 2>&-; then
        unshare --mount --propagation private bash -c "$private_dev" as_owner "$owner" "$@"
    else
        runuser -u "$owner" -- "$@"
    fi
}

owner="$(id -un)"
if [[ $(id -u) -eq 0 ]]; then
    if id postgres >/dev/null 2>&1; then owner=postgres; else owner=nobody; fi
fi

case "$command" in
start)
    mkdir -p "$dir"
    [[ -z "$(ls -A "$dir")" ]] || die "$dir is not empty"
    chmod 0755 "$dir"
    mkdir -p "$dir/data" "$dir/socket"
    [[ $(id -u) -ne 0 ]] || chown "$owner" "$dir/data" "$dir/socket"
    chmod 0700 "$dir/data"
    as_owner "$bindir/initdb" --pgdata="$dir/data" --username=jiceng --auth=trust \
        --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || die "initdb failed: $(tail -n 5 "$dir/initdb.log")"
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    # Durability settings stay at their defaults (fsync and synchronous_commit on): the tests
    # check that acknowledged writes are committed, and the bench measures real commits.
    as_owner "$bindir/pg_ctl" start --pgdata="$dir/data" --log="$dir/data/server.log" --wait --timeout=60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/socket -c max_connections=200" >/dev/null \
        || die "the server did not start: $(tail -n 5 "$dir/data/server.log" 2>/dev/null)"
    as_owner "$bindir/createdb" --host=127.0.0.1 --port="$port" --username=jiceng jiceng_test \
        || { as_owner "$bindir/pg_ctl" stop --pgdata="$dir/data" --mode=immediate >/dev/null 2>&1; die "createdb failed"; }
    echo "$bindir" >"$dir/bindir"
    echo "postgresql://jiceng@127.0.0.1:$port/jiceng_test"
    ;;
stop)
    [[ -d "$dir/data" ]] || { rm -rf "$dir"; exit 0; }
    as_owner "$bindir/pg_ctl" stop --pgdata="$dir/data" --mode=fast --wait >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
*)
    die "usage: $0 start|stop DIR"
    ;;
esac
