#!/usr/bin/env bash
# End-to-end test of `sitrep serve` in a real browser: Debian's chromium, headless, driven
# by playwright-core from npm (never a downloaded browser). Serves a temporary database on
# a free loopback port, ingests the fictional articles of crates/serve/tests/fixtures/
# through POST /api/v1/ingest, and runs crates/serve/tests/browser.mjs: markers on the map, a filter and a
# brushed timeline changing them, an event's evidence highlighted. Keeps a screenshot
# under target/ci-artifacts/ and prints its path.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null; then
  echo "installing chromium from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
command -v node >/dev/null || { echo "browser tests need node and npm" >&2; exit 1; }

(cd crates/serve/js && npm ci --no-audit --no-fund --silent)

cargo build --quiet -p sitrep
bin="$PWD/target/debug/sitrep"
tmp="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

"$bin" serve --db "$tmp/events.db" --addr 127.0.0.1:0 2> "$tmp/serve.log" &
server=$!
url=""
for _ in $(seq 1 100); do
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$tmp/serve.log" | head -1 || true)"
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$tmp/serve.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "sitrep serve did not start" >&2; cat "$tmp/serve.log" >&2; exit 1; }
curl -fsS "${url}healthz" >/dev/null
# Ingest through the API: the fixture articles are coded, linked and stored.
curl -fsS -H 'Content-Type: application/x-ndjson' --data-binary @crates/serve/tests/fixtures/articles.jsonl \
  "${url}api/v1/ingest"
echo

mkdir -p target/ci-artifacts
# 5 located events are coded from the 6 fixture articles (one has none); ask for at least 4.
node crates/serve/tests/browser.mjs "$url" "$PWD/target/ci-artifacts/serve-page.png" 4
