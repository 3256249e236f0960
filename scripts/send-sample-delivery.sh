#!/usr/bin/env bash
# Sends one Composio-signed delivery to the receiver started with `./mvnw quarkus:dev` exactly as
# Composio sends it (its webhook-* headers and the raw body, POST /webhook), and prints the HTTP
# status and receiveWebhook's answer. The dev console prints the stored event.
#   scripts/send-sample-delivery.sh [--forged] [--lambda] [webhook-id] [body-file]
#     webhook-id  default: the fixture's, else msg_sample_<now>
#     body-file   the raw body (default: a small V3 trigger message), or one of the test fixtures
#                 src/test/resources/webhook-fixtures/v{1,2,3}-*.json: their "payload" is sent as the
#                 body, signed afresh (needs python3); a single argument naming a file is the body-file
#     --forged  sign with a wrong secret (the answer is 401)
#     --lambda  wrap the delivery in an API Gateway (HTTP API 2.0) event and post it to the Lambda
#               mock event server instead, as Lambda would be invoked (needs python3)
# Environment: LOCAL_URL (default http://localhost:8080), LAMBDA_URL (default http://localhost:8082),
#   SECRET (default: $COMPOSIO_WEBHOOK_SECRET, else local-dev-secret, the dev-mode secret).
# Exits 0 when the answer is 2xx. Never prints the secret.
set -euo pipefail
LOCAL_URL="${LOCAL_URL:-http://localhost:8080}"
LAMBDA_URL="${LAMBDA_URL:-http://localhost:8082}"
SECRET="${SECRET:-${COMPOSIO_WEBHOOK_SECRET:-local-dev-secret}}"
LAMBDA=false
while [[ $# -gt 0 && $1 == --* ]]; do
  case "$1" in
    --forged) SECRET="not-the-secret-$RANDOM" ;;
    --lambda) LAMBDA=true ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
if [[ $# -eq 1 && -f $1 ]]; then set -- "" "$1"; fi
ID="${1:-}"
VERSION=V3
TS="$(date +%s)"
if [[ $# -ge 2 ]]; then
  BODY="$(cat "$2")"
  # A test fixture wraps a captured delivery: {"headers": {...}, "payload": "<raw body>", "testSecret", ...}.
  # Its payload is the body; its id and version are the delivery's; its timestamp and signature are
  # stale (and signed with the fixture's secret), so the delivery is signed again below.
  if [[ $BODY == *'"payload"'* || $BODY == *'"testCases"'* ]] && command -v python3 >/dev/null; then
    FIXTURE=$(python3 - "$2" <<'PY'
import json, sys
try:
    doc = json.load(open(sys.argv[1], encoding="utf-8"))
except ValueError:
    sys.exit(0)  # not JSON: sent as it is
if not isinstance(doc, dict):
    sys.exit(0)
if "testCases" in doc:
    sys.exit(sys.argv[1] + " holds signature test cases, not a delivery; use one of webhook-fixtures/v1-*, v2-*, v3-*")
if isinstance(doc.get("payload"), str) and isinstance(doc.get("headers"), dict):
    version = (doc.get("expectedResult") or {}).get("version", "V3")
    print(json.dumps({"id": doc["headers"].get("webhook-id", ""), "version": version, "body": doc["payload"]}))
PY
) || exit 2
    if [[ -n $FIXTURE ]]; then
      field() { python3 -c 'import json,sys; sys.stdout.write(json.loads(sys.argv[1])[sys.argv[2]])' "$FIXTURE" "$1"; }
      BODY="$(field body)"
      VERSION="$(field version)"
      ID="${ID:-$(field id)}"
    fi
  fi
else
  BODY='{"id":"evt_sample","timestamp":"'"$(date -u +%Y-%m-%dT%H:%M:%SZ)"'","type":"composio.trigger.message","metadata":{"log_id":"log_sample","trigger_slug":"GITHUB_COMMIT_EVENT","trigger_id":"ti_sample","connected_account_id":"ca_sample","auth_config_id":"ac_sample","user_id":"user-1"},"data":{"repository":"octo/hello","message":"Sample commit"}}'
fi
ID="${ID:-msg_sample_$TS}"
SIG="v1,$(printf '%s' "$ID.$TS.$BODY" | openssl dgst -sha256 -hmac "$SECRET" -binary | base64 | tr -d '\n')"

if [[ $LAMBDA == true ]]; then
  EVENT=$(python3 - "$ID" "$TS" "$SIG" "$BODY" "$VERSION" <<'PY'
import json, sys
i, ts, sig, body, version = sys.argv[1:6]
print(json.dumps({
  "version": "2.0", "routeKey": "POST /webhook", "rawPath": "/webhook", "rawQueryString": "",
  "headers": {"content-type": "application/json", "webhook-id": i, "webhook-timestamp": ts,
              "webhook-signature": sig, "x-composio-webhook-version": version},
  "requestContext": {"requestId": "local", "http": {"method": "POST", "path": "/webhook", "sourceIp": "127.0.0.1"}},
  "body": body, "isBase64Encoded": False}))
PY
)
  ANSWER=$(curl -sS -X POST "$LAMBDA_URL" -H 'content-type: application/json' -d "$EVENT")
  echo "$ANSWER"
  [[ $ANSWER == *'"statusCode":2'* ]]
  exit
fi

OUT="$(mktemp)"
trap 'rm -f "$OUT"' EXIT
STATUS=$(curl -sS -o "$OUT" -w '%{http_code}' -X POST "$LOCAL_URL/webhook" \
  -H 'content-type: application/json' -H 'user-agent: Composio-Webhook/1.0' \
  -H "webhook-id: $ID" -H "webhook-timestamp: $TS" -H "webhook-signature: $SIG" \
  -H "x-composio-webhook-version: $VERSION" --data-binary "$BODY")
echo "$STATUS $(cat "$OUT")"
[[ $STATUS == 2* ]]
