#!/usr/bin/env bash
# A bounded injection scan of a running Commission Prep (docs/security-scan.md): sqlmap against the inputs that reach
# SQL (sign-in, session numbers in paths, the API's parameters, personal links, the replies' filters), then wapiti
# over the signed-in console (SQL, command, file, XSS, open redirect, CRLF). Run it against a test deployment, never
# production: it signs in and sends thousands of requests.
#
#   npm start                                   # in another terminal, with TRUST_PROXY=true (see below)
#   npm run scan                                # BASE_URL=http://localhost:3000 by default
#
# The server's limits (sign-ins per address and account, link guesses per address) would answer the scanners 429
# after a few requests. sqlmap's `xforwardedfor` tamper gives each request another client address, which the server
# honours with TRUST_PROXY=true, as behind a load balancer. Each scanner has a time bound (SCAN_MINUTES, default 5).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BASE_URL="${BASE_URL:-http://localhost:3000}"
EMAIL="${SCAN_EMAIL:-coordinator@example.org}"
PASSWORD="${SCAN_PASSWORD:-coordinator-demo}"
MINUTES="${SCAN_MINUTES:-5}"
TOOLS="$ROOT/.tools/scan"
OUT="$ROOT/.data/security-scan/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"

if [ ! -x "$TOOLS/bin/sqlmap" ] || [ ! -x "$TOOLS/bin/wapiti" ]; then
  echo "security-scan: installing sqlmap and wapiti from PyPI into .tools/scan" >&2
  python3 -m pip install --quiet --disable-pip-version-check --target "$TOOLS" sqlmap wapiti3 >&2
fi
export PYTHONPATH="$TOOLS${PYTHONPATH:+:$PYTHONPATH}"
sqlmap() { timeout "$((MINUTES * 60))" python3 "$TOOLS/bin/sqlmap" "$@" || true; }
wapiti() { timeout "$((MINUTES * 60 + 60))" python3 "$TOOLS/bin/wapiti" "$@" || true; }

curl -fsS "$BASE_URL/healthz" >/dev/null || { echo "security-scan: nothing answers at $BASE_URL (npm start?)" >&2; exit 1; }

# A staff login for the console's pages: the sign-in form's CSRF token, then the POST.
JAR="$OUT/cookies.txt"
TOKEN="$(curl -fsS -c "$JAR" "$BASE_URL/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)"
curl -fsS -b "$JAR" -c "$JAR" -o /dev/null -H 'x-forwarded-for: 192.0.2.250' \
  --data-urlencode "_csrf=$TOKEN" --data-urlencode "email=$EMAIL" --data-urlencode "password=$PASSWORD" \
  --data-urlencode "next=/console" "$BASE_URL/login"
# curl marks HttpOnly cookies (the login's among them) with a "#HttpOnly_" prefix in its jar.
COOKIE="$(awk '{ sub(/^#HttpOnly_/, "") } !/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$JAR")"
curl -fsS -o /dev/null -w '%{http_code}' -H "cookie: $COOKIE" "$BASE_URL/console" | grep -q 200 \
  || { echo "security-scan: could not sign in as $EMAIL" >&2; exit 1; }
SESSION="$(curl -fsS -b "$JAR" "$BASE_URL/api/v1/sessions" | sed -n 's/.*"number":\([0-9]*\).*/\1/p' | head -1)"
SESSION="${SESSION:-1}"
GUESS="$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=' | cut -c1-43)"

# A wrong password answers 401 and an unknown link 404: answers to test, not errors.
COMMON=(--batch --level 1 --risk 1 --tamper xforwardedfor --ignore-code 401,404 --output-dir "$OUT/sqlmap" --disable-coloring)
found() { grep -E "$1" || true; }
echo "== sqlmap: sign-in form" | tee -a "$OUT/summary.txt"
# The password never reaches SQL (it is compared with the stored scrypt hash in the process), and the per-account
# limit answers 429 after ten wrong ones, which sqlmap takes for a boolean difference: only the e-mail is scanned.
# A new account name each run: the last run's failed sign-ins must not lock this one's baseline.
sqlmap "${COMMON[@]}" -u "$BASE_URL/login" --data "email=scan-$RANDOM%40example.org&password=x&_csrf=x" -p email \
  --csrf-token _csrf --csrf-url "$BASE_URL/login" | tee "$OUT/sqlmap-login.txt" \
  | found "injectable|all tested|CRITICAL" | tee -a "$OUT/summary.txt"
for target in "/console/sessions/$SESSION*" "/api/v1/sessions/$SESSION*/surveys" "/console/sessions/$SESSION/replies?state=submitted*&format=csv" "/r/$GUESS*"; do
  echo "== sqlmap: $target" | tee -a "$OUT/summary.txt"
  sqlmap "${COMMON[@]}" -u "$BASE_URL$target" --cookie "$COOKIE" | tee -a "$OUT/sqlmap-paths.txt" \
    | found "injectable|all tested|no parameter|CRITICAL" | tee -a "$OUT/summary.txt"
done

echo "== wapiti: the signed-in console and the respondent pages" | tee -a "$OUT/summary.txt"
wapiti -u "$BASE_URL/" --scope folder -m sql,timesql,exec,file,xss,permanentxss,redirect,crlf \
  -C "$COOKIE" -x "$BASE_URL/logout" --max-scan-time "$((MINUTES * 60))" --max-attack-time 60 \
  --flush-session -f txt -o "$OUT/wapiti.txt" >"$OUT/wapiti-run.txt" 2>&1
sed -n '/Summary of vulnerabilities/,/^\*\*\*\*/p' "$OUT/wapiti.txt" | tee -a "$OUT/summary.txt"

echo "security-scan: reports in ${OUT#"$ROOT"/}" >&2
