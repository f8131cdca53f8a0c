#!/usr/bin/env bash
# Packaging: `cmake --install` puts the binary, rules, corpus and docs under a
# prefix, and the installed binary runs; the pre-commit hook and the GitHub
# Action name commands the binary accepts; the Docker image builds where
# Docker is available (skipped with a message where not).
set -euo pipefail
bin="$1"; root="$2"
build="$(dirname "$bin")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cmake --install "$build" --prefix "$tmp/usr" >/dev/null
for f in bin/claimcheck share/claimcheck/rules/secure-communities.json share/doc/claimcheck/README.md \
         share/doc/claimcheck/findings.md share/claimcheck/corpus; do
  [ -e "$tmp/usr/$f" ] || fail "not installed: $f"
done
"$tmp/usr/bin/claimcheck" --version >/dev/null || fail "installed binary does not run"
# The hook's and the action's command lines are ones check accepts.
entry=$(sed -n 's/^  entry: //p' "$root/.pre-commit-hooks.yaml")
cd "$root"
printf 'Some 15%% of database matches turned out to be U.S. citizens.\n' >"$tmp/d.md"
status=0; "$tmp/usr/bin/claimcheck" ${entry#claimcheck } "$tmp/d.md" >"$tmp/hook.txt" 2>&1 || status=$?
[ "$status" = 1 ] && grep -q "d.md:1:1: error: .*\[value-mismatch\]" "$tmp/hook.txt" || fail "pre-commit entry: exit $status: $(cat "$tmp/hook.txt")"
grep -q -- "--format sarif -o" "$root/action.yml" && grep -q -- "--format github" "$root/action.yml" || fail "action.yml"
if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
  docker build -q -t claimcheck-test "$root" >/dev/null || fail "docker build"
  docker run --rm claimcheck-test --version >/dev/null || fail "docker run"
else
  echo "docker not available here: the Dockerfile build is not checked"
fi
echo ok
