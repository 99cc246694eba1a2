#!/usr/bin/env bash
# Renders the demo's documents as a person would see them printed: runs `thidua demo`, converts every exported
# .xlsx (award lists, score sheets, report) to PDF with LibreOffice headless, then each page to PNG, into out/render/.
#
# Needs (Debian): apt-get install -y libreoffice-calc fonts-liberation fonts-crosextra-carlito poppler-utils
#   fonts-liberation: Liberation Serif has the metrics of Times New Roman, so line breaks and page fit are the real ones;
#   fonts-crosextra-carlito: Carlito has the metrics of Calibri, the workbook's default font, which column widths
#   are measured in (without it LibreOffice measures them in DejaVu Sans, a third wider, and shrinks every page).
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "Thiếu $tool: apt-get install -y libreoffice-calc fonts-liberation fonts-crosextra-carlito poppler-utils" >&2; exit 1; }
done
fc-match Calibri | grep -qi carlito || echo "Cảnh báo: chưa có phông Carlito (fonts-crosextra-carlito); LibreOffice sẽ thu nhỏ trang." >&2

DPI="${DPI:-100}"
RENDER=out/render
npm run build --silent
node bin/thidua.js demo >/dev/null
rm -rf "$RENDER" && mkdir -p "$RENDER"

# A private LibreOffice profile, so a desktop session's settings (or a running instance) do not interfere.
PROFILE="$(mktemp -d)"
trap 'rm -rf "$PROFILE"' EXIT

find out -mindepth 2 -name '*.xlsx' -not -path "$RENDER/*" | sort | while read -r file; do
  campaign="$(basename "$(dirname "$file")")"
  mkdir -p "$RENDER/$campaign"
  soffice -env:UserInstallation="file://$PROFILE" --headless --convert-to pdf --outdir "$RENDER/$campaign" "$file" >/dev/null 2>&1
  pdf="$RENDER/$campaign/$(basename "${file%.xlsx}").pdf"
  pdftoppm -r "$DPI" -png "$pdf" "${pdf%.pdf}"
  echo "$pdf: $(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}') trang"
done
echo "Ảnh các trang: $RENDER/<mã phong trào>/*.png"
