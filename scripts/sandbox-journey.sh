#!/usr/bin/env bash
# Walks both journeys against a running sandbox, as an integrator would from Swagger UI, with curl
# and jq only: a new test citizen per channel, Digital ID login, application, face match,
# questionnaire, payment by the sandbox bank, signing by the sandbox's test phone (mobile) or test
# EDS (web), then the registration point's operator until the card is handed over. Last, a citizen
# whose face cannot be matched is sent to a Public Service Center, books a visit there, and the
# centre's operator sees it.
#
#   scripts/sandbox-journey.sh [BASE_URL]        # default http://localhost:8080
#   VERBOSE=1 scripts/sandbox-journey.sh         # also prints every response body
#
# Exits non-zero at the first answer that is not the one expected, saying which.
set -euo pipefail

BASE="${1:-${BASE_URL:-http://localhost:8080}}"
API="$BASE/api/v1"
POINT="${POINT_ID:-AST-01}"
command -v curl >/dev/null && command -v jq >/dev/null || { echo "needs curl and jq" >&2; exit 2; }

body=$(mktemp)
trap 'rm -f "$body"' EXIT

# call METHOD PATH EXPECTED_STATUS [JSON] [TOKEN] [extra curl args...]: prints the response body.
call() {
  local method=$1 path=$2 expected=$3 json=${4:-} token=${5:-}
  shift $(( $# < 5 ? $# : 5 ))
  local args=(-sS -o "$body" -w '%{http_code}' -X "$method" -H 'Accept-Language: en')
  [[ -n "$json" ]] && args+=(-H 'Content-Type: application/json' --data "$json")
  [[ -n "$token" ]] && args+=(-H "Authorization: Bearer $token")
  local status
  status=$(curl "${args[@]}" "$@" "$API$path")
  if [[ "$status" != "$expected" ]]; then
    echo "✗ $method $path answered $status, expected $expected:" >&2
    cat "$body" >&2; echo >&2
    exit 1
  fi
  [[ -n "${VERBOSE:-}" ]] && { echo "  $method $path → $status" >&2; jq . "$body" >&2 2>/dev/null || true; }
  cat "$body"
}

step() { echo "✓ $*" >&2; }

# expect JSON FILTER VALUE: the filter's value in the JSON must be VALUE.
expect() {
  local actual
  actual=$(jq -r "$2" <<<"$1")
  [[ "$actual" == "$3" ]] || { echo "✗ $2 is '$actual', expected '$3' in: $1" >&2; exit 1; }
}

new_citizen() {
  local phone="+7705$(printf '%07d' $(( (RANDOM * 32768 + RANDOM) % 10000000 )))"
  local expires
  expires=$(date -u -d '+10 days' +%F)
  call POST /sandbox/citizens 201 "$(jq -nc --arg phone "$phone" --arg expires "$expires" \
    '{phone: $phone, lastName: "Тестов", firstName: "Интегратор", idCard: {expiresOn: $expires}}')"
}

login() {
  local iin=$1 phone=$2 challenge code
  challenge=$(call POST /auth/otp 201 "$(jq -nc --arg iin "$iin" --arg phone "$phone" '{iin: $iin, phone: $phone}')" | jq -r .challengeId)
  code=$(call GET /sandbox/sms 200 "" "" -G --data-urlencode "phone=$phone" | jq -r '.[0].text' | grep -oE '(^|[^0-9])[0-9]{6}([^0-9]|$)' | grep -oE '[0-9]{6}' | head -1)
  call POST "/auth/otp/$challenge/verify" 200 "$(jq -nc --arg code "$code" '{code: $code}')" | jq -r .accessToken
}

# up_to_questionnaire CHANNEL TOKEN IIN: a draft with its face matched and its questionnaire filled; prints its id.
up_to_questionnaire() {
  local channel=$1 token=$2 iin=$3 id selfie answer
  expect "$(call GET /services/id-card-replacement/eligibility 200 "" "$token")" .eligible true
  id=$(call POST /applications 201 "$(jq -nc --arg c "$channel" '{channel: $c}')" "$token" | jq -r .id)
  step "$channel: application $id started (next: BIOMETRICS)"
  selfie=$(curl -sS "$API/sandbox/citizens/$iin/reference-photo" | base64 -w0)
  answer=$(call POST "/applications/$id/biometrics" 200 "{\"selfie\":\"$selfie\"}" "$token")
  expect "$answer" .result MATCH
  step "$channel: face matched with the registry photo"
  answer=$(call PUT "/applications/$id/questionnaire" 200 "$(jq -nc --arg point "$POINT" \
    '{personalDataConfirmed: true, contactPhone: "+77011234567", pickupPointId: $point, tier: "EXPEDITED"}')" "$token")
  step "$channel: questionnaire filled (pickup $POINT, EXPEDITED; next: $(jq -r .nextStep <<<"$answer"))"
  echo "$id"
}

pay() {
  local token=$1 id=$2 invoice answer
  invoice=$(call POST "/applications/$id/payment" 201 "" "$token")
  answer=$(call POST "/sandbox/payments/$(jq -r .invoiceId <<<"$invoice")/pay" 200 '{}' "" -H "Idempotency-Key: journey-$id")
  expect "$answer" .outcome APPLIED
  step "paid $(jq -r '.amount' <<<"$invoice") KZT by the sandbox bank"
}

challenge() {
  call GET "/applications/$2/signing-challenge" 200 "" "$1" | jq -r .challenge
}

hand_over() {
  local id=$1 operator to
  operator=$(call POST /sandbox/operator-token 200 "$(jq -nc --arg p "$POINT" '{pointId: $p}')" | jq -r .accessToken)
  for to in IN_PRODUCTION READY_FOR_PICKUP ISSUED; do
    call POST "/operator/applications/$id/transitions" 200 "{\"to\":\"$to\"}" "$operator" >/dev/null
  done
  step "operator at $POINT: IN_PRODUCTION → READY_FOR_PICKUP → ISSUED"
}

# --- mobile: face, questionnaire, pay, confirm with the phone's Face ID key -----------------------
citizen=$(new_citizen)
iin=$(jq -r .iin <<<"$citizen"); phone=$(jq -r .phone <<<"$citizen")
step "mobile: test citizen $iin / $phone"
token=$(login "$iin" "$phone")
step "mobile: logged in with the SMS code"
id=$(up_to_questionnaire MOBILE "$token" "$iin")
pay "$token" "$id"
device=$(call POST /sandbox/devices 201 '{"platform":"IOS","name":"Sandbox iPhone"}' "$token" | jq -r .deviceId)
signature=$(call POST "/sandbox/devices/$device/signature" 200 "$(jq -nc --arg c "$(challenge "$token" "$id")" '{challenge: $c}')" "$token" | jq -r .signature)
answer=$(call POST "/applications/$id/confirmation" 200 "$(jq -nc --arg d "$device" --arg s "$signature" '{method: "DEVICE", deviceId: $d, signature: $s}')" "$token")
expect "$answer" .status SUBMITTED
step "mobile: confirmed with the test phone's key: SUBMITTED, ready on $(jq -r .readyOn <<<"$answer")"
hand_over "$id"
expect "$(call GET "/applications/$id" 200 "" "$token")" .status ISSUED
step "mobile: the citizen sees ISSUED"

# --- web: face, questionnaire, sign with EDS, pay --------------------------------------------------
citizen=$(new_citizen)
iin=$(jq -r .iin <<<"$citizen"); phone=$(jq -r .phone <<<"$citizen")
step "web: test citizen $iin / $phone"
token=$(login "$iin" "$phone")
id=$(up_to_questionnaire WEB "$token" "$iin")
cms=$(call POST /sandbox/eds/signature 200 "$(jq -nc --arg iin "$iin" --arg c "$(challenge "$token" "$id")" '{iin: $iin, challenge: $c}')" | jq -r .cms)
answer=$(call POST "/applications/$id/signature" 200 "$(jq -nc --arg cms "$cms" '{method: "EDS", cms: $cms}')" "$token")
expect "$answer" .nextStep PAYMENT
step "web: signed with the test EDS (next: PAYMENT)"
pay "$token" "$id"
answer=$(call GET "/applications/$id" 200 "" "$token")
expect "$answer" .status SUBMITTED
step "web: SUBMITTED, ready on $(jq -r .readyOn <<<"$answer")"
hand_over "$id"

# --- sent to a centre: a blank picture, a visit booked, the centre's operator sees it ------------
# A blank (black) 300×400 PNG: the sandbox matcher cannot process it, which ends the face match in
# REDIRECTED_TO_TSON at once (three photos of someone else would too).
BLANK_PNG=iVBORw0KGgoAAAANSUhEUgAAASwAAAGQAQAAAAA8DmDWAAAAJklEQVR42u3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAD4GPPAAAa7vW0MAAAAASUVORK5CYII=
citizen=$(new_citizen)
iin=$(jq -r .iin <<<"$citizen"); phone=$(jq -r .phone <<<"$citizen")
step "centre: test citizen $iin / $phone"
token=$(login "$iin" "$phone")
id=$(call POST /applications 201 '{"channel":"MOBILE"}' "$token" | jq -r .id)
answer=$(call POST "/applications/$id/biometrics" 200 "{\"selfie\":\"$BLANK_PNG\"}" "$token")
expect "$answer" .result REDIRECTED_TO_TSON
centre=$(jq -r '.application.redirect.centers[0].id' <<<"$answer")
step "centre: the face could not be matched: sent to $centre, $(jq -r '.application.redirect.centers[0].address' <<<"$answer")"
# The first working day with a free slot, from tomorrow (Astana time).
start=""
for days in $(seq 1 14); do
  day=$(TZ=Asia/Almaty date -d "+$days days" +%F)
  start=$(call GET "/tson/$centre/slots" 200 "" "$token" -G --data-urlencode "date=$day" | jq -r '[.[] | select(.free > 0)][0].start // empty')
  [[ -n "$start" ]] && break
done
[[ -n "$start" ]] || { echo "✗ no free slot at $centre in the next two weeks" >&2; exit 1; }
booking=$(call POST /bookings 201 "$(jq -nc --arg c "$centre" --arg s "$start" --arg a "$id" '{tsonId: $c, start: $s, applicationId: $a}')" "$token")
number=$(jq -r .number <<<"$booking")
step "centre: visit $number booked for $start"
# The confirmation leaves through the outbox, a moment after the answer: wait up to 20 s for it.
sms_names() {
  call GET /sandbox/sms 200 "" "" -G --data-urlencode "phone=$1" | jq -e --arg n "$2" 'any(.[]; .text | contains($n))' >/dev/null
}
for _ in $(seq 1 40); do sms_names "$phone" "$number" && break; sleep 0.5; done
sms_names "$phone" "$number" || { echo "✗ no SMS to $phone names the booking $number within 20 s" >&2; exit 1; }
step "centre: the SMS confirmation names $number"
operator=$(call POST /sandbox/operator-token 200 "$(jq -nc --arg p "$centre" '{pointId: $p}')" | jq -r .accessToken)
visit=$(call GET /operator/bookings 200 "" "$operator" -G --data-urlencode "date=$day" | jq -c --arg n "$number" '[.[] | select(.number == $n)][0]')
expect "$visit" .application.id "$id"
step "centre: its operator sees visit $number with the application ($(jq -r .application.redirectReason <<<"$visit"))"
echo "Both journeys and a centre visit completed against $BASE" >&2
