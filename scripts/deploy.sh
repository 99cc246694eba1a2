#!/usr/bin/env bash
# Deploys thi-dua to Cloud Run functions (2nd gen, nodejs24): the six HTTP functions, the status pages and the Pub/Sub
# event function; the Forms notifications topic (Forms may publish to it); the datasets' bucket (decision 010); the service accounts; the Cloud Build
# account's role; the link secret in Secret Manager; the Cloud Scheduler jobs calling the functions with OIDC tokens.
# Safe to run again: what exists is updated, not duplicated, and a variable set earlier on a function is kept
# (--update-env-vars / --update-secrets merge; nothing uses --env-vars-file, which replaces them all).
#
#   PROJECT=van-ninh-thi-dua REGION=asia-southeast1 SPREADSHEET_ID=1AbC… FORM_ID=1FaIp… \
#   COUNCIL_EMAILS=chu-tich@…,pho-chu-tich@… APPS_SCRIPT_AUDIENCE=1234-abc.apps.googleusercontent.com \
#   APPS_SCRIPT_EMAIL=thu-ky@… npm run deploy            # add -- --dry-run to print every command instead
#
# Optional: TOPIC (thidua-forms), RUNTIME_SA / INVOKER_SA (account names), LINK_SECRET_NAME (thidua-link-secret,
# created with a random value when missing), HMAC_SECRET_NAME (a Secret Manager secret holding THIDUA_HMAC_SECRET),
# PUBLIC_URL (the status pages' address, when a custom domain serves them), PROJECT_NUMBER (else looked up),
# EXTRA_AUDIENCES, EXTRA_CALLERS (comma lists), DATASET_BUCKET (<project>-thidua-datasets: the quiz log, award history,
# registrations and clearance lists live there, never in the council's sheet), DRY_RUN=1 (as --dry-run).
set -euo pipefail
cd "$(dirname "$0")/.."

for arg in "$@"; do
  case "$arg" in
    --dry-run) DRY_RUN=1 ;;
    *) echo "Tham số không hiểu: $arg (chỉ có --dry-run)" >&2; exit 1 ;;
  esac
done

: "${PROJECT:?PROJECT: mã dự án Google Cloud}"
: "${REGION:?REGION: vùng, ví dụ asia-southeast1}"
: "${SPREADSHEET_ID:?SPREADSHEET_ID: mã Google Sheet của Hội đồng}"
: "${FORM_ID:?FORM_ID: mã biểu mẫu (thidua form create in ra)}"
: "${COUNCIL_EMAILS:?COUNCIL_EMAILS: email các thành viên Hội đồng được tải danh sách, ngăn cách bằng dấu phẩy}"
TOPIC="${TOPIC:-thidua-forms}"
RUNTIME_SA="${RUNTIME_SA:-thidua-functions}@${PROJECT}.iam.gserviceaccount.com"
INVOKER_SA="${INVOKER_SA:-thidua-invoker}@${PROJECT}.iam.gserviceaccount.com"
LINK_SECRET_NAME="${LINK_SECRET_NAME:-thidua-link-secret}"
DATASET_BUCKET="${DATASET_BUCKET:-${PROJECT}-thidua-datasets}"
SCHEDULER_AUDIENCE="thidua-scheduler-${PROJECT}"
AUDIENCES="${SCHEDULER_AUDIENCE}${APPS_SCRIPT_AUDIENCE:+,${APPS_SCRIPT_AUDIENCE}}${EXTRA_AUDIENCES:+,${EXTRA_AUDIENCES}}"
CALLERS="${INVOKER_SA}${APPS_SCRIPT_EMAIL:+,${APPS_SCRIPT_EMAIL}}${EXTRA_CALLERS:+,${EXTRA_CALLERS}}"
TIME_ZONE="Asia/Ho_Chi_Minh"
DRY="${DRY_RUN:-}"

# Every command goes through run: printed (one line, shell-quoted) on --dry-run, run otherwise.
run() {
  if [[ "$DRY" == "1" ]]; then printf '%q ' "$@"; printf '\n'; else "$@"; fi
}
# A check whose answer decides what to run; on --dry-run it is printed as a comment and taken as "not there".
exists() {
  if [[ "$DRY" == "1" ]]; then printf '# check: '; printf '%q ' "$@"; printf '\n'; return 1; fi
  "$@" >/dev/null 2>&1
}
url_of() {
  if [[ "$DRY" == "1" ]]; then echo "https://${1}-${PROJECT}.${REGION}.run.app"; return; fi
  gcloud functions describe "$1" --gen2 --region="$REGION" --project="$PROJECT" --format='value(serviceConfig.uri)'
}
project_number() {
  if [[ -n "${PROJECT_NUMBER:-}" ]]; then echo "$PROJECT_NUMBER"; return; fi
  if [[ "$DRY" == "1" ]]; then echo "PROJECT_NUMBER"; return; fi
  gcloud projects describe "$PROJECT" --format='value(projectNumber)'
}

echo "== APIs"
run gcloud services enable cloudfunctions.googleapis.com run.googleapis.com cloudbuild.googleapis.com artifactregistry.googleapis.com \
  eventarc.googleapis.com pubsub.googleapis.com cloudscheduler.googleapis.com sheets.googleapis.com forms.googleapis.com \
  drive.googleapis.com secretmanager.googleapis.com iamcredentials.googleapis.com storage.googleapis.com --project="$PROJECT"

echo "== service accounts"
for sa in "$RUNTIME_SA" "$INVOKER_SA"; do
  exists gcloud iam service-accounts describe "$sa" --project="$PROJECT" ||
    run gcloud iam service-accounts create "${sa%%@*}" --project="$PROJECT" --display-name="thi-dua ${sa%%@*}"
done

echo "== Cloud Build: projects made since mid-2024 build with the Compute Engine default account, which needs this role"
BUILD_SA="$(project_number)-compute@developer.gserviceaccount.com"
run gcloud projects add-iam-policy-binding "$PROJECT" --member="serviceAccount:${BUILD_SA}" --role="roles/cloudbuild.builds.builder" --condition=None

echo "== Pub/Sub topic for Forms watch notifications"
exists gcloud pubsub topics describe "$TOPIC" --project="$PROJECT" || run gcloud pubsub topics create "$TOPIC" --project="$PROJECT"
run gcloud pubsub topics add-iam-policy-binding "$TOPIC" --project="$PROJECT" \
  --member="serviceAccount:forms-notifications@system.gserviceaccount.com" --role="roles/pubsub.publisher"

echo "== the datasets' bucket: one object per dataset, streamed by the functions; only the functions' account may use it"
exists gcloud storage buckets describe "gs://${DATASET_BUCKET}" --project="$PROJECT" ||
  run gcloud storage buckets create "gs://${DATASET_BUCKET}" --project="$PROJECT" --location="$REGION" --uniform-bucket-level-access --public-access-prevention
run gcloud storage buckets add-iam-policy-binding "gs://${DATASET_BUCKET}" --project="$PROJECT" --member="serviceAccount:${RUNTIME_SA}" --role="roles/storage.objectUser"

echo "== the status links' secret in Secret Manager (made once, never printed)"
if ! exists gcloud secrets describe "$LINK_SECRET_NAME" --project="$PROJECT"; then
  run gcloud secrets create "$LINK_SECRET_NAME" --project="$PROJECT" --replication-policy=automatic
  SECRET_FILE="$(mktemp)"
  trap 'rm -f "$SECRET_FILE"' EXIT
  [[ "$DRY" == "1" ]] || openssl rand -base64 48 | tr -d '\n' >"$SECRET_FILE"
  run gcloud secrets versions add "$LINK_SECRET_NAME" --project="$PROJECT" --data-file="$SECRET_FILE"
fi
SECRETS="THIDUA_LINK_SECRET=${LINK_SECRET_NAME}:latest"
for secret in "$LINK_SECRET_NAME" ${HMAC_SECRET_NAME:+"$HMAC_SECRET_NAME"}; do
  run gcloud secrets add-iam-policy-binding "$secret" --project="$PROJECT" --member="serviceAccount:${RUNTIME_SA}" --role="roles/secretmanager.secretAccessor"
done
[[ -n "${HMAC_SECRET_NAME:-}" ]] && SECRETS="${SECRETS},THIDUA_HMAC_SECRET=${HMAC_SECRET_NAME}:latest"

echo "== type-check and build locally (the cloud build runs npm run gcp-build again: one bundle a function, dist/fn/)"
run npm run build --silent
run npm run build:functions --silent

# gcloud's list syntax with ';' as the separator, since audiences and emails are comma lists.
ENV_VARS="^;^THIDUA_STORE=google;THIDUA_SPREADSHEET_ID=${SPREADSHEET_ID};THIDUA_SERVICE_ACCOUNT=${RUNTIME_SA}"
ENV_VARS+=";THIDUA_FORM_ID=${FORM_ID};THIDUA_PUBSUB_TOPIC=projects/${PROJECT}/topics/${TOPIC}"
ENV_VARS+=";THIDUA_OIDC_AUDIENCES=${AUDIENCES};THIDUA_ALLOWED_CALLERS=${CALLERS};THIDUA_COUNCIL_EMAILS=${COUNCIL_EMAILS}"
ENV_VARS+=";THIDUA_EVENT_MAX_AGE_MINUTES=60;THIDUA_DATASET_BUCKET=${DATASET_BUCKET}"
COMMON=(--gen2 --runtime=nodejs24 --region="$REGION" --project="$PROJECT" --source=. --service-account="$RUNTIME_SA"
  --update-secrets="$SECRETS")

echo "== status pages first: their address goes into every function's THIDUA_PUBLIC_URL"
run gcloud functions deploy status-pages "${COMMON[@]}" --update-env-vars="$ENV_VARS" --entry-point=statusPages --trigger-http \
  --allow-unauthenticated --memory=512Mi --timeout=60s
PUBLIC_URL="${PUBLIC_URL:-$(url_of status-pages)}"
ENV_VARS+=";THIDUA_PUBLIC_URL=${PUBLIC_URL}"
run gcloud run services update status-pages --region="$REGION" --project="$PROJECT" --update-env-vars="THIDUA_PUBLIC_URL=${PUBLIC_URL}"

echo "== HTTP functions (public endpoint; every request is verified in code: identity token or signature)"
# name:entry point:memory:timeout
for spec in intake:intake:512Mi:60s form-sync:formSync:512Mi:540s recompute:recompute:1Gi:540s \
  deadline-report:deadlineReport:512Mi:300s export-list:exportList:1Gi:120s watch-renewal:watchRenewal:256Mi:60s; do
  IFS=: read -r name entry memory timeout <<<"$spec"
  run gcloud functions deploy "$name" "${COMMON[@]}" --update-env-vars="$ENV_VARS" --entry-point="$entry" --trigger-http \
    --allow-unauthenticated --memory="$memory" --timeout="$timeout"
done

echo "== event function: Forms watch → Pub/Sub → formSyncEvent (redelivered on transient faults)"
run gcloud functions deploy form-sync-event "${COMMON[@]}" --update-env-vars="$ENV_VARS" --entry-point=formSyncEvent \
  --trigger-topic="$TOPIC" --retry --trigger-service-account="$INVOKER_SA" --no-allow-unauthenticated --memory=512Mi --timeout=300s
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
Status pages: ${PUBLIC_URL}
Still by hand, once: share the Google Sheet and the form with ${RUNTIME_SA} as Editor; run
"npx thidua init <campaign> --spreadsheet ${SPREADSHEET_ID} --service-account ${RUNTIME_SA}" if the sheet was made
without it; run the Apps Script "installTrigger"; then call watch-renewal once to create the Forms watch:
  gcloud scheduler jobs run thidua-watch-renewal --location=${REGION} --project=${PROJECT}
and check everything with:
  npx thidua doctor <campaign> --spreadsheet ${SPREADSHEET_ID} --form ${FORM_ID} --service-account ${RUNTIME_SA}
DONE
