#!/usr/bin/env bash
# test_remote_shards.sh — scale-out on Xapian's remote backend: index the
# bundled corpus into two shards, serve each with its own xapian-tcpsrv on
# 127.0.0.1, check the sample draft through a stub listing the two servers,
# and get byte for byte the report of one local database. Then stop a server:
# the check must fail with a clear message and exit 2, not report figures as
# unsupported.
# Usage: test_remote_shards.sh CLAIMCHECK_BINARY REPO_ROOT   (exit 77 = skip)
set -euo pipefail
grep_q() { grep "$@" >/dev/null; }
bin="$1"
root="$2"
command -v xapian-tcpsrv >/dev/null || { echo "xapian-tcpsrv not installed (xapian-tools); skipping"; exit 77; }

tmp="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

corpus=("$root/corpus")
[ -d "$root/../shared/seeds" ] && corpus+=("$root/../shared/seeds")
# A file's shard is a hash of its path, so with the five bundled files alone
# one shard can come out empty in some checkout folder; twenty more small
# files make an empty shard a one-in-a-million event wherever the clone is.
mkdir -p "$tmp/extra"
for i in $(seq 20); do
  printf 'Report %d: in fiscal 2011, %d people were deported through Secure Communities.\n' "$i" "$((1000 + i * 37))" \
    >"$tmp/extra/report-$i.txt"
done
corpus+=("$tmp/extra")
draft="$root/examples/sample-draft.md"
rules="$root/rules/secure-communities.json"

"$bin" index --db "$tmp/local" "${corpus[@]}" >/dev/null || fail "local index failed"
out="$("$bin" index --db "$tmp/sharded" --shards 2 "${corpus[@]}")" || fail "sharded index failed: $out"
echo "$out"
[ -d "$tmp/sharded/shard-0" ] && [ -d "$tmp/sharded/shard-1" ] || fail "no shard folders"
grep_q '^auto shard-1$' "$tmp/sharded/XAPIANDB" || fail "stub does not list shard-1"

# Both shards must hold something, or the test proves nothing about merging.
for k in 0 1; do
  n=$(xapian-delve "$tmp/sharded/shard-$k" | awk -F' = ' '/number of documents/{print $2}')
  [ "${n:-0}" -gt 0 ] || fail "shard-$k is empty"
done

# Free ports on loopback, then one server per shard, each in its own session:
# xapian-tcpsrv signals its whole process group when it stops.
read -r p0 p1 < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])
for s in socks: s.close()')
setsid xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$p0" "$tmp/sharded/shard-0" &
pids+=($!)
setsid xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$p1" "$tmp/sharded/shard-1" &
pids+=($!)
printf '# two shards, each served by xapian-tcpsrv\nremote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' "$p0" "$p1" \
  >"$tmp/remote.stub"
for _ in $(seq 300); do  # up to 30 s: a loaded CI machine starts servers slowly
  "$bin" search --db "$tmp/remote.stub" --limit 1 >/dev/null 2>&1 && break
  sleep 0.1
done

check() {  # DB OUT
  set +e
  "$bin" check --db "$1" --rules "$rules" --format json "$draft" >"$2" 2>"$2.err"
  local status=$?
  set -e
  [ "$status" -le 1 ] || fail "check against $1 exited $status: $(cat "$2.err")"
}
check "$tmp/local" "$tmp/local.json"
check "$tmp/sharded" "$tmp/sharded.json"
check "$tmp/remote.stub" "$tmp/remote.json"
grep_q '"evidence"' "$tmp/local.json" || fail "the report quotes no evidence; the comparison would be empty"
cmp "$tmp/local.json" "$tmp/sharded.json" || { diff "$tmp/local.json" "$tmp/sharded.json" | head -20; fail "local shards report differs from one database"; }
cmp "$tmp/local.json" "$tmp/remote.json" || {
  diff "$tmp/local.json" "$tmp/remote.json" | head -20
  fail "remote shards report differs from one database"
}
echo "same report from one database, two local shards and two xapian-tcpsrv shards"

# Search through the stub too.
hits="$("$bin" search --db "$tmp/remote.stub" deported --unit percent --value 78..80)"
[ -n "$hits" ] || fail "no hits through the remote stub"

# Writing to remote shards is refused with the stub's line.
set +e
err="$("$bin" index --db "$tmp/remote.stub" "$root/corpus" 2>&1)"
status=$?
set -e
[ "$status" = 2 ] || fail "index into remote shards: expected exit 2, got $status"
grep_q "remote.stub:2:1: error: .*not a local database" <<<"$err" || fail "unclear message: $err"

# A server gone: exit 2 and a message naming the problem.
kill "${pids[1]}"
wait "${pids[1]}" 2>/dev/null || true
set +e
"$bin" check --db "$tmp/remote.stub" --rules "$rules" --format json "$draft" >"$tmp/gone.json" 2>"$tmp/gone.err"
status=$?
set -e
[ "$status" = 2 ] || fail "check with a shard down: expected exit 2, got $status"
grep_q -i "network\|connect\|refused" "$tmp/gone.err" || fail "unclear message: $(cat "$tmp/gone.err")"
[ ! -s "$tmp/gone.json" ] || fail "a partial report was written with a shard down"
echo "shard down: $(head -1 "$tmp/gone.err")"
