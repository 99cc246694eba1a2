#!/usr/bin/env bash
# Renders the council's dossier (.docx) as a person would see it printed: runs `thidua demo` (which writes every seed
# campaign's Tờ trình, Biên bản họp xét, Quyết định, Báo cáo thành tích and Danh mục hồ sơ into out/<run>/ho-so/),
# converts each document with LibreOffice Writer to PDF, then each page to PNG, into out/render-documents/<run>/.
# With --docs, also refreshes the one-page samples in docs/images/ (small PNGs, page 1 of each document of Vạn Ninh).
#
# Needs (Debian): apt-get install -y libreoffice-writer fonts-liberation poppler-utils
#   fonts-liberation: Liberation Serif has the metrics of Times New Roman, so line breaks and page fit are the real ones.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in soffice pdftoppm pdfinfo; do
  command -v "$tool" >/dev/null || { echo "Thiếu $tool: apt-get install -y libreoffice-writer fonts-liberation poppler-utils" >&2; exit 1; }
done
fc-match "Times New Roman" | grep -qi -e liberation -e times || echo "Cảnh báo: chưa có phông Liberation Serif (fonts-liberation); LibreOffice sẽ ngắt dòng khác bản in." >&2

DPI="${DPI:-100}"
RENDER=out/render-documents
npm run build --silent
node bin/thidua.js demo >/dev/null
rm -rf "$RENDER" && mkdir -p "$RENDER"

# A private LibreOffice profile, so a desktop session's settings (or a running instance) do not interfere.
PROFILE="$(mktemp -d)"
trap 'rm -rf "$PROFILE"' EXIT

# one LibreOffice start per folder of documents (starting it is most of the time)
find out -path "$RENDER" -prune -o -path '*/ho-so/*' -name '*.docx' -printf '%h\n' | sort -u | while read -r folder; do
  run="${folder#out/}"; run="${run%%/*}"
  rel="${folder#out/$run/ho-so}"
  dest="$RENDER/$run${rel}"
  mkdir -p "$dest"
  soffice -env:UserInstallation="file://$PROFILE" --headless --convert-to pdf --outdir "$dest" "$folder"/*.docx >/dev/null 2>&1
  for pdf in "$dest"/*.pdf; do
    pdftoppm -r "$DPI" -png "$pdf" "${pdf%.pdf}"
    echo "$pdf: $(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}') trang"
  done
done

if [[ "${1:-}" == "--docs" ]]; then
  # page 1 of each document of the Vạn Ninh 2024 run, small enough for the docs
  src="$RENDER/van-ninh-dan-van-kheo"
  report="$(find "$src/bao-cao-thanh-tich" -name '*.pdf' | sort | head -1)"
  for pair in "to-trinh-giay-khen-chu-tich-huyen-2024:to-trinh" "bien-ban-hop-xet-2024:bien-ban-hop-xet" "quyet-dinh-giay-khen-chu-tich-huyen-2024:quyet-dinh" "danh-muc-ho-so-2024:danh-muc-ho-so" "${report%.pdf}:bao-cao-thanh-tich"; do
    pdf="${pair%%:*}"; [[ "$pdf" == /* || "$pdf" == out/* ]] || pdf="$src/$pdf"
    pdftoppm -r 50 -gray -png -f 1 -l 1 -singlefile "$pdf.pdf" "docs/images/dossier-${pair##*:}"
  done
  ls -l docs/images/dossier-*.png
fi
echo "Ảnh các trang: $RENDER/<lần chạy>/*.png"
