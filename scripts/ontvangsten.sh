#!/bin/sh
# Maakt data/ontvangsten.yaml opnieuw door elke aanlevering van de standaardgegevens met
# `jaarcyclus ontvang` te ontvangen (contract §15); het register wordt nooit met de hand getypt.
#
#   cargo build --release && scripts/ontvangsten.sh
#
# Draai dit opnieuw na elke wijziging van een bestand in data/<jaar>/<partij>/: een ontvangen
# bestand dat daarna verandert, geeft anders W009. Wat het maakt:
#   - elk bestand met ingediend_op ontvangen op die datum (met --peildatum; het werkelijke tijdstip
#     staat er apart bij, dus deze ontvangsten heten in de documenten "nagedateerd");
#   - 2027/rws-obo zonder ontvangst: zijn stukken tellen "volgens het stuk" (ingediend_op);
#   - plan en begroting 2027 van Geonovum te laat ontvangen (3 september 2026, termijn 1 september),
#     terwijl de bestanden 28 augustus 2026 noemen: W401, op de ontvangstdatum;
#   - voortgang-q2 2026 van Kadaster (OBO) ontvangen in een eerdere versie en daarna gewijzigd: W009,
#     aanvaard in data/aanvaard.yaml.
set -eu
cd "$(dirname "$0")/.."
BIN=${JAARCYCLUS:-target/release/jaarcyclus}
DATA=data
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# ontvang <jaar> <partij> <bestand> <datum> [tekst]: één bestand, zoals het in data/ staat (of met
# de gegeven tekst), ontvangen op <datum>.
ontvang() {
  rm -rf "$TMP/bron"
  mkdir "$TMP/bron"
  if [ $# -ge 5 ]; then printf '%s' "$5" > "$TMP/bron/$3"; else cp "$DATA/$1/$2/$3" "$TMP/bron/$3"; fi
  status=0
  "$BIN" ontvang "$TMP/bron" --organisatie "$2" --jaar "$1" --peildatum "$4" --data "$DATA" --out "$TMP/out" \
    --format json > "$TMP/uit.json" || status=$?
  if [ "$status" -gt 1 ] || ! grep -q '"ontvangen": true' "$TMP/uit.json"; then
    echo "niet ontvangen: $1/$2/$3" >&2
    cat "$TMP/uit.json" >&2
    exit 1
  fi
}

rm -f "$DATA/ontvangsten.yaml"
# Alle bestanden met ingediend_op, oudste eerst (het register is chronologisch).
for f in "$DATA"/[0-9][0-9][0-9][0-9]/*/*.yaml; do
  rel=${f#"$DATA"/}
  datum=$(sed -n 's/^ingediend_op: *\([0-9-]*\).*/\1/p' "$f" | head -n 1)
  [ -n "$datum" ] && echo "$datum $rel"
done | sort > "$TMP/lijst"

while read -r datum rel; do
  jaar=${rel%%/*}
  rest=${rel#*/}
  partij=${rest%%/*}
  bestand=${rest#*/}
  case "$rel" in
    2027/rws-obo/*) continue ;;
    2027/geonovum/plan.yaml | 2027/geonovum/begroting.yaml) datum=2026-09-03 ;;
    2026/kadaster-obo/voortgang-q2.yaml)
      eerder="# Versie zoals ontvangen; daarna is een toelichting verduidelijkt.
$(cat "$DATA/$rel")
"
      cp "$DATA/$rel" "$TMP/origineel"
      ontvang "$jaar" "$partij" "$bestand" "$datum" "$eerder"
      cp "$TMP/origineel" "$DATA/$rel"
      continue
      ;;
  esac
  ontvang "$jaar" "$partij" "$bestand" "$datum"
done < "$TMP/lijst"
echo "$(grep -c -- '- organisatie:' "$DATA/ontvangsten.yaml") ontvangsten in $DATA/ontvangsten.yaml"
