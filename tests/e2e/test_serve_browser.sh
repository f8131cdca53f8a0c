#!/usr/bin/env bash
# The web page as an editor uses it: Debian's chromium, driven headless by Playwright,
# pastes a draft with a wrong period into `claimcheck serve`, clicks Check and finds the
# figure highlighted as a discrepancy whose note names the period. Screenshot kept in
# $CLAIMCHECK_ARTIFACTS (default: test-artifacts/ beside the binary, i.e. build/).
# Then the check report and the reconcile report as files, each shot in light, dark
# (prefers-color-scheme) and print media: report-{light,dark,print}.png and
# reconcile-{light,dark,print}.png, with the highlighted discrepancy, its note and the
# reconcile groups asserted visible and the palette asserted to follow the scheme.
# Installs chromium (apt) and playwright-core (npm) when missing; skips (77) only when
# chromium cannot be installed.
#   bash tests/e2e/test_serve_browser.sh build/claimcheck .
set -euo pipefail
bin="$1"; root="$2"
cd "$root"
bin_dir=$(cd "$(dirname "$bin")" && pwd)
artifacts="${CLAIMCHECK_ARTIFACTS:-$bin_dir/test-artifacts}"
node_dir="${CLAIMCHECK_NODE_DIR:-$bin_dir/e2e-node}"  # build dirs are gitignored
mkdir -p "$artifacts" "$node_dir"

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >/dev/null 2>&1 || true
  $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if [ ! -x /usr/bin/chromium ]; then
  echo "installing chromium from Debian ..."
  if ! apt_install chromium fonts-dejavu-core; then
    echo "SKIP: chromium cannot be installed (apt-get install chromium failed)"
    exit 77
  fi
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "installing node and npm from Debian ..."
  apt_install nodejs npm
fi
if [ ! -f "$node_dir/node_modules/playwright-core/package.json" ]; then
  echo "installing playwright-core from npm into $node_dir ..."
  [ -f "$node_dir/package.json" ] || echo '{"private": true}' >"$node_dir/package.json"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$node_dir" --no-audit --no-fund \
    --loglevel=error playwright-core@1 >/dev/null
fi

tmp=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

rules=()
if [ -f rules/secure-communities.json ]; then
  rules=(--rules "$PWD/rules/secure-communities.json")
elif [ -f ../shared/eval/dev/rules.json ]; then
  rules=(--rules "$(cd ../shared/eval/dev && pwd)/rules.json")
else
  echo "FAIL: no rules file (rules/secure-communities.json) to check the draft against"
  exit 1
fi
(cd "$tmp" && exec "$bin" serve "${rules[@]}" --port 0) 2>"$tmp/serve.err" &
pid=$!
port=""
for _ in $(seq 300); do  # up to 30 s on a loaded machine
  port=$(sed -n 's|^claimcheck: serving on http://127\.0\.0\.1:\([0-9]*\)$|\1|p' "$tmp/serve.err" 2>/dev/null || true)  # the file may not exist yet
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || { echo "FAIL: serve exited"; cat "$tmp/serve.err"; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "FAIL: serve did not print its address"; exit 1; }

cat >"$tmp/drive.js" <<'JS'
const { chromium } = require(process.env.PLAYWRIGHT_CORE);
const fs = require('fs');
const os = require('os');
const path = require('path');

const draft = 'In fiscal year 2011, 79% of the people deported through Secure Communities ' +
  'had no criminal record or had been picked up for low-level offenses.';

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'claimcheck-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1100, height: 900 },
  });
  const page = context.pages()[0] || await context.newPage();
  let failure = null;
  try {
    await page.goto(process.env.BASE_URL + '/');
    await page.fill('#draft', draft);
    await page.selectOption('#format', 'txt');
    await page.click('#check');
    const report = page.frameLocator('#report');
    const mark = report.locator('mark.discrepancy', { hasText: '79%' }).first();
    try {
      await mark.waitFor({ timeout: 30000 });
    } catch (e) {
      throw new Error('no highlighted discrepancy containing 79% (status: "' +
                      (await page.textContent('#status')) + '")');
    }
    const text = await mark.textContent();
    if (!text.includes('79%')) throw new Error('the discrepancy mark holds "' + text + '"');
    const notes = (await mark.getAttribute('data-notes')) || '';
    if (!notes) throw new Error('the 79% mark links to no note');
    const note = await report.locator('#' + notes.split(' ')[0]).innerText();
    if (!/period/i.test(note)) throw new Error('the note does not name the period: ' + note);
    if (!/period-mismatch/.test(note)) throw new Error('the note is not a period-mismatch: ' + note);
    console.log('ok: 79% highlighted as a discrepancy; note: ' + note.split('\n')[0]);
  } catch (e) {
    failure = e;
  }
  await page.screenshot({ path: process.env.SCREENSHOT, fullPage: true }).catch(() => {});
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
  if (failure) {
    console.error('FAIL: ' + failure.message);
    process.exit(1);
  }
})().catch((e) => { console.error('FAIL: ' + e.message); process.exit(1); });
JS

PLAYWRIGHT_CORE="$node_dir/node_modules/playwright-core" BASE_URL="http://127.0.0.1:$port" \
  SCREENSHOT="$artifacts/serve.png" timeout 120 node "$tmp/drive.js"
echo "screenshot: $artifacts/serve.png"

# The HTML reports as files: a draft checked with --format html, and reconcile --format
# html over an index of the seed documents (else the bundled corpus).
printf 'In fiscal year 2011, 79%% of the people deported through Secure Communities had no criminal record or had been picked up for low-level offenses.\n' >"$tmp/draft.md"
"$bin" check "$tmp/draft.md" "${rules[@]}" --format html -o "$tmp/report.html" || [ $? = 1 ]
corpus=corpus
[ -d ../shared/seeds ] && corpus=../shared/seeds
"$bin" index --db "$tmp/db" "$corpus" >/dev/null
"$bin" reconcile --db "$tmp/db" "${rules[@]}" --format html -o "$tmp/reconcile.html"

cat >"$tmp/pages.js" <<'JS'
const { chromium } = require(process.env.PLAYWRIGHT_CORE);
const fs = require('fs');
const os = require('os');
const path = require('path');

// Each page, each look: what must be visible in it.
const pages = [
  { name: 'report', file: process.env.REPORT, visible: ['mark.discrepancy', 'ol.notes li.error', '#summary'] },
  { name: 'reconcile', file: process.env.RECONCILE, visible: ['h1', 'table.groups', 'td.v'] },
];
const looks = [
  { name: 'light', media: 'screen', colorScheme: 'light' },
  { name: 'dark', media: 'screen', colorScheme: 'dark' },
  { name: 'print', media: 'print', colorScheme: 'dark' },  // paper stays light whatever the screen
];

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'claimcheck-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1100, height: 900 },
  });
  const page = context.pages()[0] || await context.newPage();
  const failures = [];
  for (const p of pages) {
    await page.goto('file://' + p.file);
    for (const look of looks) {
      await page.emulateMedia({ media: look.media, colorScheme: look.colorScheme });
      for (const sel of p.visible)
        if (!(await page.locator(sel).first().isVisible()))
          failures.push(p.name + ' ' + look.name + ': ' + sel + ' not visible');
      // The background follows the scheme: dark on screen in dark mode, white otherwise.
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const dark = look.name === 'dark';
      const rgb = bg.match(/\d+/g).map(Number);
      const light = rgb[0] > 200 && rgb[1] > 200 && rgb[2] > 200;
      if (dark === light) failures.push(p.name + ' ' + look.name + ': background ' + bg);
      await page.screenshot({ path: path.join(process.env.ARTIFACTS, p.name + '-' + look.name + '.png'),
                              fullPage: true });
    }
  }
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
  if (failures.length) {
    for (const f of failures) console.error('FAIL: ' + f);
    process.exit(1);
  }
  console.log('ok: report and reconcile pages in light, dark and print media');
})().catch((e) => { console.error('FAIL: ' + e.message); process.exit(1); });
JS
PLAYWRIGHT_CORE="$node_dir/node_modules/playwright-core" REPORT="$tmp/report.html" \
  RECONCILE="$tmp/reconcile.html" ARTIFACTS="$artifacts" timeout 180 node "$tmp/pages.js"
echo "screenshots: $artifacts/report-{light,dark,print}.png $artifacts/reconcile-{light,dark,print}.png"
