#!/usr/bin/env bash
# The quick start of README.md and docs/local.md, step by step, against `./mvnw quarkus:dev`
# running in another terminal. Each step prints what it runs and what came back, and is checked:
# the script stops with a non-zero exit at the first step that does not do what the docs say.
# LocalLoopTest runs it against the same server in `./mvnw verify`, so the docs cannot drift.
# Environment: LOCAL_URL (default http://localhost:8080), SECRET (as scripts/send-sample-delivery.sh).
# Needs bash, curl and openssl.
set -euo pipefail
cd "$(dirname "$0")/.."
LOCAL_URL="${LOCAL_URL:-http://localhost:8080}"
export LOCAL_URL
ID="msg_quickstart_$(date +%s)_$RANDOM"
STEPS=0

# check <what it shows> <expected status> <expected text> <command...>
check() {
  local what="$1" status="$2" text="$3"
  shift 3
  printf '\n# %s\n$ %s\n' "$what" "$*"
  local answer
  answer="$("$@" || true)"
  printf '%s\n' "$answer"
  if [[ $answer != "$status "* || $answer != *"$text"* ]]; then
    printf 'quick start: expected %s with %s\n' "$status" "$text" >&2
    exit 1
  fi
  STEPS=$((STEPS + 1))
}

# get|post <path> [body]: prints "<status> <body>"
get() { curl -sS -w '\n%{http_code}' "$LOCAL_URL$1" | status_first; }
post() { curl -sS -w '\n%{http_code}' -X POST -H 'content-type: application/json' --data-binary "$2" "$LOCAL_URL$1" | status_first; }
status_first() { local all; all="$(cat)"; printf '%s %s' "${all##*$'\n'}" "${all%$'\n'*}"; }

check "a delivery signed as Composio signs it is stored" 200 '"duplicate":false' scripts/send-sample-delivery.sh "$ID"
check "the same delivery again (Composio retries) is acknowledged, not stored twice" 200 '"duplicate":true' scripts/send-sample-delivery.sh "$ID"
check "a forged delivery is refused" 401 'no valid signature' scripts/send-sample-delivery.sh --forged "msg_forged_$RANDOM"
check "the inbox, newest first" 200 "\"id\" : \"$ID\"" get "/inbox?limit=1"
check "one stored event, its payload as JSON" 200 '"trigger_slug" : "GITHUB_COMMIT_EVENT"' get "/inbox/$ID"
check "every function of the set" 200 '"createTrigger"' get /functions
check "a function's error, as Lambda reports it" 400 '"errorType" : "io.ctf.lambda.InvalidInput"' post /functions/createTrigger '{}'
printf '\nquick start: all %d steps did what the docs say\n' "$STEPS"
