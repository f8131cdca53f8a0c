#!/usr/bin/env bash
# What `check` reads: folders (minus hidden entries and .claimcheckignore),
# quoted globs, and --changed REF (findings only on lines git says were
# added), as an editor's pre-publication job uses them.
set -euo pipefail
bin="$1"; root="$2"
rules="$root/rules/secure-communities.json"
command -v git >/dev/null || { echo "skipped: git not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
check() { NO_COLOR=1 "$bin" check --rules "$rules" --format line "$@"; }
cd "$tmp"
git init -q . && git config user.email t@example.org && git config user.name t
mkdir -p drafts/sub drafts/.hidden drafts/old
printf '# D\n\nSome 15%% of database matches turned out to be U.S. citizens.\n' >drafts/a.md
printf 'Some 15%% of database matches turned out to be U.S. citizens.\n' >drafts/sub/b.txt
cp drafts/sub/b.txt drafts/.hidden/c.txt
cp drafts/sub/b.txt drafts/old/d.txt
cp drafts/sub/b.txt drafts/notes.txt
printf '# old drafts\nold/\nnotes.txt\n' >drafts/.claimcheckignore
git add . && git commit -qm drafts

status=0; check drafts >out.txt 2>err.txt || status=$?
[ "$status" = 1 ] || fail "folder: exit $status, want 1: $(cat err.txt)"
[ "$(cut -d: -f1 out.txt | sort -u | tr '\n' ' ')" = "drafts/a.md drafts/sub/b.txt " ] ||
  fail "folder walk read $(cut -d: -f1 out.txt | sort -u | tr '\n' ' ')"
status=0; check 'drafts/*.md' >out.txt 2>&1 || status=$?
[ "$status" = 1 ] && [ "$(cut -d: -f1 out.txt | sort -u)" = "drafts/a.md" ] || fail "glob: $(cat out.txt)"
status=0; check 'drafts/*.nothing' >/dev/null 2>err.txt || status=$?
[ "$status" = 2 ] && grep -q "no file matches" err.txt || fail "empty glob: exit $status"
# --rules takes one file: drafts after it are drafts, and --rules repeats.
printf 'Some 15%% of database matches turned out to be U.S. citizens.\n' >new.md
status=0; NO_COLOR=1 "$bin" check --format line --rules "$rules" drafts/a.md new.md >out.txt 2>&1 || status=$?
[ "$status" = 1 ] && grep -q "^drafts/a.md:" out.txt && grep -q "^new.md:" out.txt ||
  fail "drafts after --rules: exit $status: $(cat out.txt)"
printf '{"claimcheck_rules": 2, "claims": []}\n' >extra.json
status=0; NO_COLOR=1 "$bin" check --format line --rules "$rules" --rules extra.json drafts/a.md >out.txt 2>&1 || status=$?
[ "$status" = 1 ] && grep -q "^drafts/a.md:" out.txt || fail "two --rules: exit $status: $(cat out.txt)"
mkdir empty
status=0; check empty >/dev/null 2>err.txt || status=$?
[ "$status" = 2 ] && grep -q "empty.*no drafts" err.txt || fail "empty folder: exit $status"

# --changed: the old finding is not this change's; the added line's is.
printf '\nIn fiscal year 2011, 79%% of the people deported through Secure Communities had no criminal record or were arrested for low-level offenses.\n' >>drafts/a.md
status=0; check --changed HEAD drafts/a.md >out.txt 2>&1 || status=$?
[ "$status" = 1 ] || fail "--changed: exit $status"
grep -q "a.md:5:.*period-mismatch" out.txt || fail "--changed lost the added line's finding: $(cat out.txt)"
! grep -q "value-mismatch" out.txt || fail "--changed kept a finding on an unchanged line"
git commit -qam more
status=0; check --changed drafts/a.md >out.txt 2>&1 || status=$?
[ "$status" = 0 ] && [ ! -s out.txt ] || fail "--changed with nothing changed: exit $status: $(cat out.txt)"
printf 'Some 15%% of database matches turned out to be U.S. citizens.\n' >new.md
status=0; check --changed new.md >out.txt 2>&1 || status=$?
[ "$status" = 1 ] || fail "--changed: an untracked draft is all new (exit $status)"
status=0; check --changed no-such-ref drafts/a.md >/dev/null 2>err.txt || status=$?
[ "$status" = 2 ] && grep -q "git diff no-such-ref failed" err.txt || fail "bad ref: exit $status $(cat err.txt)"
mkdir -p /tmp/cc-nogit-$$ && cp new.md /tmp/cc-nogit-$$/ && status=0
(cd /tmp/cc-nogit-$$ && NO_COLOR=1 "$bin" check --rules "$rules" --changed new.md >/dev/null 2>"$tmp/err2.txt") || status=$?
rm -rf /tmp/cc-nogit-$$
[ "$status" = 2 ] && grep -q "not in a git work tree" err2.txt || fail "outside git: exit $status"
echo ok
