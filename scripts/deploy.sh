#!/usr/bin/env bash
# Deploys thi-dua to Cloud Run functions (2nd gen, nodejs24): the six HTTP functions and the Pub/Sub event function,
# the Forms notifications topic (Forms may publish to it), the invoker service account, and the Cloud Scheduler jobs
# calling the functions with OIDC tokens. Safe to run again: what exists is updated, not duplicated.
#
#   PROJECT=van-ninh-thi-dua REGION=asia-southeast1 SPREADSHEET_ID=1AbC… FORM_ID=1FaIp… \
#   COUNCIL_EMAILS=chu-tich@…,pho-chu-tich@… APPS_SCRIPT_AUDIENCE=1234-abc.apps.googleusercontent.com \
#   APPS_SCRIPT_EMAIL=thu-ky@… npm run deploy
#
# Optional: TOPIC (thidua-forms), RUNTIME_SA / INVOKER_SA (account names), HMAC_SECRET_NAME (a Secret Manager
# secret holding THIDUA_HMAC_SECRET), EXTRA_AUDIENCES (comma list), EXTRA_CALLERS (comma list),
# DRY_RUN=1 (print the gcloud commands instead of running them).
set -euo pipefail
cd "$(dirname "$0")/.."

: "${PROJECT:?PROJECT: mã dự án Google Cloud}"
: "${REGION:?REGION: vùng, ví dụ asia-southeast1}"
: "${SPREADSHEET_ID:?SPREADSHEET_ID: mã Google Sheet của Hội đồng}"
: "${FORM_ID:?FORM_ID: mã biểu mẫu (thidua form create in ra)}"
: "${COUNCIL_EMAILS:?COUNCIL_EMAILS: email các thành viên Hội đồng được tải danh sách, ngăn cách bằng dấu phẩy}"
TOPIC="${TOPIC:-thidua-forms}"
RUNTIME_SA="${RUNTIME_SA:-thidua-functions}@${PROJECT}.iam.gserviceaccount.com"
INVOKER_SA="${INVOKER_SA:-thidua-invoker}@${PROJECT}.iam.gserviceaccount.com"
SCHEDULER_AUDIENCE="thidua-scheduler-${PROJECT}"
AUDIENCES="${SCHEDULER_AUDIENCE}${APPS_SCRIPT_AUDIENCE:+,${APPS_SCRIPT_AUDIENCE}}${EXTRA_AUDIENCES:+,${EXTRA_AUDIENCES}}"
CALLERS="${INVOKER_SA}${APPS_SCRIPT_EMAIL:+,${APPS_SCRIPT_EMAIL}}${EXTRA_CALLERS:+,${EXTRA_CALLERS}}"
TIME_ZONE="Asia/Ho_Chi_Minh"

run() {
  if [[ "${DRY_RUN:-}" == "1" ]]; then printf '%q ' "$@"; printf '\n'; else "$@"; fi
}
exists() { [[ "${DRY_RUN:-}" != "1" ]] && "$@" >/dev/null 2>&1; }
url_of() {
  if [[ "${DRY_RUN:-}" == "1" ]]; then echo "https://${1}-${PROJECT}.${REGION}.run.app"; return; fi
  gcloud functions describe "$1" --gen2 --region="$REGION" --project="$PROJECT" --format='value(serviceConfig.uri)'
}

echo "== APIs"
run gcloud services enable cloudfunctions.googleapis.com run.googleapis.com cloudbuild.googleapis.com artifactregistry.googleapis.com \
  eventarc.googleapis.com pubsub.googleapis.com cloudscheduler.googleapis.com sheets.googleapis.com forms.googleapis.com \
  secretmanager.googleapis.com --project="$PROJECT"

echo "== service accounts"
for sa in "$RUNTIME_SA" "$INVOKER_SA"; do
  exists gcloud iam service-accounts describe "$sa" --project="$PROJECT" ||
    run gcloud iam service-accounts create "${sa%%@*}" --project="$PROJECT" --display-name="thi-dua ${sa%%@*}"
done

echo "== Pub/Sub topic for Forms watch notifications"
exists gcloud pubsub topics describe "$TOPIC" --project="$PROJECT" || run gcloud pubsub topics create "$TOPIC" --project="$PROJECT"
run gcloud pubsub topics add-iam-policy-binding "$TOPIC" --project="$PROJECT" \
  --member="serviceAccount:forms-notifications@system.gserviceaccount.com" --role="roles/pubsub.publisher"

echo "== type-check and build locally (the cloud build runs npm run gcp-build again)"
run npm run build --silent

ENV_FILE="$(mktemp)"
trap 'rm -f "$ENV_FILE"' EXIT
cat >"$ENV_FILE" <<YAML
THIDUA_STORE: "google"
THIDUA_SPREADSHEET_ID: "${SPREADSHEET_ID}"
THIDUA_SERVICE_ACCOUNT: "${RUNTIME_SA}"
THIDUA_FORM_ID: "${FORM_ID}"
THIDUA_PUBSUB_TOPIC: "projects/${PROJECT}/topics/${TOPIC}"
THIDUA_OIDC_AUDIENCES: "${AUDIENCES}"
THIDUA_ALLOWED_CALLERS: "${CALLERS}"
THIDUA_COUNCIL_EMAILS: "${COUNCIL_EMAILS}"
THIDUA_EVENT_MAX_AGE_MINUTES: "60"
YAML
SECRETS=()
if [[ -n "${HMAC_SECRET_NAME:-}" ]]; then
  SECRETS=(--set-secrets="THIDUA_HMAC_SECRET=${HMAC_SECRET_NAME}:latest")
  run gcloud secrets add-iam-policy-binding "$HMAC_SECRET_NAME" --project="$PROJECT" --member="serviceAccount:${RUNTIME_SA}" --role="roles/secretmanager.secretAccessor"
fi
COMMON=(--gen2 --runtime=nodejs24 --region="$REGION" --project="$PROJECT" --source=. --service-account="$RUNTIME_SA" --env-vars-file="$ENV_FILE" ${SECRETS[@]+"${SECRETS[@]}"})

echo "== HTTP functions (public endpoint; every request is verified in code: identity token or signature)"
# name:entry point:memory:timeout
for spec in intake:intake:512Mi:60s form-sync:formSync:512Mi:540s recompute:recompute:1Gi:540s \
  deadline-report:deadlineReport:512Mi:300s export-list:exportList:1Gi:120s watch-renewal:watchRenewal:256Mi:60s; do
  IFS=: read -r name entry memory timeout <<<"$spec"
  run gcloud functions deploy "$name" "${COMMON[@]}" --entry-point="$entry" --trigger-http --allow-unauthenticated \
    --memory="$memory" --timeout="$timeout"
done

echo "== event function: Forms watch → Pub/Sub → formSyncEvent (redelivered on transient faults)"
run gcloud functions deploy form-sync-event "${COMMON[@]}" --entry-point=formSyncEvent --trigger-topic="$TOPIC" --retry \
  --trigger-service-account="$INVOKER_SA" --no-allow-unauthenticated --memory=512Mi --timeout=300s
run gcloud functions add-invoker-policy-binding form-sync-event --region="$REGION" --project="$PROJECT" --member="serviceAccount:${INVOKER_SA}"

echo "== Cloud Scheduler jobs (OIDC token of ${INVOKER_SA}, audience ${SCHEDULER_AUDIENCE})"
# job:function:schedule
for spec in "thidua-form-sync:form-sync:*/15 * * * *" "thidua-recompute:recompute:0 * * * *" \
  "thidua-deadline-report:deadline-report:0 7 * * *" "thidua-watch-renewal:watch-renewal:0 3 * * *"; do
  IFS=: read -r job fn schedule <<<"$spec"
  verb=create
  exists gcloud scheduler jobs describe "$job" --location="$REGION" --project="$PROJECT" && verb=update
  run gcloud scheduler jobs "$verb" http "$job" --location="$REGION" --project="$PROJECT" --schedule="$schedule" \
    --time-zone="$TIME_ZONE" --uri="$(url_of "$fn")" --http-method=POST \
    --oidc-service-account-email="$INVOKER_SA" --oidc-token-audience="$SCHEDULER_AUDIENCE" \
    --max-retry-attempts=3 --min-backoff=60s --attempt-deadline=600s
done

cat <<DONE
== done
Intake URL (THIDUA_INTAKE_URL of the Apps Script): $(url_of intake)
Still by hand, once: share the Google Sheet and the form with ${RUNTIME_SA} as Editor; run the Apps Script
"installTrigger"; then call watch-renewal once to create the Forms watch (or wait for 03:00):
  gcloud scheduler jobs run thidua-watch-renewal --location=${REGION} --project=${PROJECT}
DONE
