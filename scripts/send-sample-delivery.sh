#!/usr/bin/env bash
# Sends one Composio-signed V3 delivery, wrapped in an API Gateway (HTTP API 2.0) event, to the
# local receiver started with `./mvnw quarkus:dev`, and prints what receiveWebhook answered.
#   scripts/send-sample-delivery.sh [webhook-id] [body-file]
# Environment: RECEIVER (default http://localhost:8080), SECRET (default: the dev-mode secret).
set -euo pipefail
RECEIVER="${RECEIVER:-http://localhost:8080}"
SECRET="${SECRET:-local-dev-secret}"
ID="${1:-msg_sample_$(date +%s)}"
TS="$(date +%s)"
if [[ $# -ge 2 ]]; then
  BODY="$(cat "$2")"
else
  BODY='{"id":"evt_sample","timestamp":"'"$(date -u +%Y-%m-%dT%H:%M:%SZ)"'","type":"composio.trigger.message","metadata":{"log_id":"log_sample","trigger_slug":"GITHUB_COMMIT_EVENT","trigger_id":"ti_sample","connected_account_id":"ca_sample","auth_config_id":"ac_sample","user_id":"user-1"},"data":{"repository":"octo/hello","message":"Sample commit"}}'
fi
SIG="v1,$(printf '%s' "$ID.$TS.$BODY" | openssl dgst -sha256 -hmac "$SECRET" -binary | base64 -w0)"
EVENT=$(python3 - "$ID" "$TS" "$SIG" "$BODY" <<'PY'
import json, sys
i, ts, sig, body = sys.argv[1:5]
print(json.dumps({
  "version": "2.0", "routeKey": "POST /webhook", "rawPath": "/webhook", "rawQueryString": "",
  "headers": {"content-type": "application/json", "webhook-id": i, "webhook-timestamp": ts,
              "webhook-signature": sig, "x-composio-webhook-version": "V3"},
  "requestContext": {"requestId": "local", "http": {"method": "POST", "path": "/webhook", "sourceIp": "127.0.0.1"}},
  "body": body, "isBase64Encoded": False}))
PY
)
curl -sS -X POST "$RECEIVER" -H 'content-type: application/json' -d "$EVENT"
echo
