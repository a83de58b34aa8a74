#!/usr/bin/env bash
# Generates the small sample lecture recordings used by the recordings
# dashboard (run with `npm run media`, or `bash server/media/make-media.sh`
# from any directory).
#
# For each lecture it writes into server/media/files/:
#   <name>.mp4           H.264 (main, yuv420p, keyframe every 2 s) + AAC, faststart
#   <name>.webm          VP9 (CRF) + Opus, cues at the front
#   <name>.png           full-size frame at t = 2 s
#   <name>_256x144.png   256x144 thumbnail (portrait videos are pillarboxed)
# plus README.md describing the files.
#
# Every picture is a title slide with a running mm:ss.d clock and a progress
# bar; the audio is a quiet sine tone. Re-running overwrites everything with
# (near) byte-identical output: bitexact flags, no metadata, single-threaded
# encoders.
set -euo pipefail

HERE="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
OUT="$HERE/files"
FONT_DIR="${FONT_DIR:-/usr/share/fonts/truetype/dejavu}"
FONT_BOLD="$FONT_DIR/DejaVuSans-Bold.ttf"
FONT_REGULAR="$FONT_DIR/DejaVuSans.ttf"
FONT_MONO="$FONT_DIR/DejaVuSansMono-Bold.ttf"
FPS=24
# Encoder settings. Audio is ~45 % of the total size; a sine tone would
# survive AAC 48k / Opus 32k just as well if the files ever need to shrink.
X264_CRF=34
VP9_CRF=48
AAC_BITRATE=64k
OPUS_BITRATE=48k
MAX_TOTAL_BYTES=3000000
SUBTITLE="Sample lecture — recordings dashboard demo"

die() { echo "make-media: $*" >&2; exit 1; }

for tool in ffmpeg ffprobe; do
  command -v "$tool" >/dev/null 2>&1 ||
    die "'$tool' not found; install it (Debian: apt-get install -y ffmpeg)"
done
for font in "$FONT_BOLD" "$FONT_REGULAR" "$FONT_MONO"; do
  [[ -f "$font" ]] ||
    die "font file missing: $font (Debian: apt-get install -y fonts-dejavu-core, or set FONT_DIR)"
done

# Paths end up inside an ffmpeg filtergraph; refuse anything that would need escaping.
safe_path() {
  [[ "$1" =~ ^[A-Za-z0-9/._+-]+$ ]] ||
    die "path '$1' contains characters that would need filtergraph escaping"
}

mkdir -p "$OUT"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/make-media.XXXXXX")"
trap 'rm -rf -- "$WORK"' EXIT
for p in "$FONT_BOLD" "$FONT_REGULAR" "$FONT_MONO" "$WORK"; do safe_path "$p"; done

# Flags that keep re-runs reproducible (no encoder version strings, no
# creation times, deterministic container UIDs).
BITEXACT=(-fflags +bitexact -flags:v +bitexact -flags:a +bitexact -map_metadata -1 -threads 1)

# Writes $2 (no trailing newline) to text file $1 for drawtext's textfile=,
# which avoids all filtergraph escaping of the text itself.
text_file() { printf '%s' "$2" >"$1"; }

# drawtext centred horizontally: file font size colour y-expression
drawtext() {
  printf 'drawtext=fontfile=%s:textfile=%s:fontsize=%s:fontcolor=%s:x=(w-text_w)/2:y=%s' \
    "$2" "$1" "$3" "$4" "$5"
}

# mm:ss.d elapsed-time clock, expanded per frame by drawtext.
CLOCK_EXPR='%{eif:floor(t/60):d:2}:%{eif:mod(floor(t),60):d:2}.%{eif:mod(floor(t*10),10):d}'

fmt_clock() { # seconds -> mm:ss.d
  printf '%02d:%02d.0' $(($1 / 60)) $(($1 % 60))
}

# make_lecture NAME WIDTH HEIGHT SECONDS TONE_HZ BG_COLOUR ACCENT_COLOUR TITLE_LINE...
make_lecture() {
  local name=$1 w=$2 h=$3 dur=$4 freq=$5 bg=$6 accent=$7
  shift 7
  local -a title_lines=("$@")
  local dir="$WORK/$name"
  mkdir -p "$dir"

  # Layout: sizes are relative to the short side, so portrait and landscape
  # use the same font sizes; portrait gets its title/subtitle on two lines.
  local title_size=32 sub_size=17 clock_size=96 footer_size=14
  local -a sub_lines=("$SUBTITLE")
  if ((h > w)); then
    title_size=34 clock_size=72
    sub_lines=("Sample lecture —" "recordings dashboard demo")
  fi

  local vf="color=c=${bg}:s=${w}x${h}:r=${FPS}:d=${dur}"
  vf+=",drawbox=x=0:y=0:w=iw:h=10:color=${accent}:t=fill"

  local y i
  y=$((h * 12 / 100))
  for i in "${!title_lines[@]}"; do
    text_file "$dir/title$i.txt" "${title_lines[$i]}"
    vf+=",$(drawtext "$dir/title$i.txt" "$FONT_BOLD" "$title_size" white "$y")"
    y=$((y + title_size * 13 / 10))
  done
  y=$((y + sub_size / 2))
  for i in "${!sub_lines[@]}"; do
    text_file "$dir/sub$i.txt" "${sub_lines[$i]}"
    vf+=",$(drawtext "$dir/sub$i.txt" "$FONT_REGULAR" "$sub_size" 'white@0.8' "$y")"
    y=$((y + sub_size * 14 / 10))
  done

  text_file "$dir/clock.txt" "$CLOCK_EXPR"
  vf+=",$(drawtext "$dir/clock.txt" "$FONT_MONO" "$clock_size" white "(h-text_h)/2+h*0.10")"

  text_file "$dir/footer.txt" "$(fmt_clock "$dur") total · ${w}x${h} · ${FPS} fps · ${freq} Hz tone"
  vf+=",$(drawtext "$dir/footer.txt" "$FONT_REGULAR" "$footer_size" 'white@0.7' "h-44")"

  # Progress bar along the bottom edge: a grey track plus an accent bar that
  # slides in from the left as time passes.
  vf+=",drawbox=x=0:y=ih-12:w=iw:h=12:color=black@0.35:t=fill[bg]"
  vf+=";color=c=${accent}:s=${w}x12:r=${FPS}:d=${dur}[bar]"
  vf+=";[bg][bar]overlay=x=-w+w*t/${dur}:y=H-h:eval=frame:shortest=1,format=yuv420p[out0]"
  local graph="$vf;sine=frequency=${freq}:sample_rate=48000:duration=${dur},volume=0.2[out1]"

  local -a input=(-f lavfi -i "$graph")
  local tmp="$WORK/out"
  mkdir -p "$tmp"

  echo "make-media: $name (${w}x${h}, ${dur} s, ${freq} Hz)"

  ffmpeg -nostdin -hide_banner -loglevel error -y "${input[@]}" \
    -map 0:v -map 0:a -t "$dur" \
    -c:v libx264 -preset veryslow -tune stillimage -profile:v main -pix_fmt yuv420p \
    -crf "$X264_CRF" -g 48 -keyint_min 24 -r "$FPS" \
    -c:a aac -b:a "$AAC_BITRATE" -ac 1 \
    -movflags +faststart "${BITEXACT[@]}" \
    "$tmp/$name.mp4"

  ffmpeg -nostdin -hide_banner -loglevel error -y "${input[@]}" \
    -map 0:v -map 0:a -t "$dur" \
    -c:v libvpx-vp9 -crf "$VP9_CRF" -b:v 0 -deadline good -cpu-used 5 -row-mt 0 \
    -pix_fmt yuv420p -g 48 -keyint_min 48 -r "$FPS" \
    -c:a libopus -b:a "$OPUS_BITRATE" -vbr constrained -ac 1 \
    -cues_to_front 1 "${BITEXACT[@]}" \
    "$tmp/$name.webm"

  ffmpeg -nostdin -hide_banner -loglevel error -y "${input[@]}" \
    -map 0:v -ss 2 -frames:v 1 -pix_fmt rgb24 "${BITEXACT[@]}" \
    "$tmp/$name.png"

  ffmpeg -nostdin -hide_banner -loglevel error -y -i "$tmp/$name.png" \
    -vf "scale=256:144:force_original_aspect_ratio=decrease:flags=lanczos,pad=256:144:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1" \
    -frames:v 1 -pix_fmt rgb24 "${BITEXACT[@]}" \
    "$tmp/${name}_256x144.png"

  # Move into place only once all four files exist (no half-written outputs).
  mv -f "$tmp/$name.mp4" "$tmp/$name.webm" "$tmp/$name.png" "$tmp/${name}_256x144.png" "$OUT/"
}

LECTURES=(physics-waves algebra-basics history-rome chemistry-portrait)

make_lecture physics-waves      640 360 24 440 '0x1E3A8A' '0x60A5FA' "Physics · Waves and Oscillations"
make_lecture algebra-basics     640 360 20 523 '0x14532D' '0x4ADE80' "Mathematics · Linear Equations"
make_lecture history-rome       640 360 18 330 '0x7F1D1D' '0xFBBF24' "History · The Roman Republic"
make_lecture chemistry-portrait 360 640 16 660 '0x581C87' '0xE879F9' "Chemistry" "Titration demo"

# ---------------------------------------------------------------------------
# README.md describing what was generated (sizes/durations from ffprobe).
probe() { # file entries -> value
  ffprobe -v error -show_entries "$2" -of default=noprint_wrappers=1:nokey=1 "$1" | head -n1
}
stream_codec() { # file v|a
  ffprobe -v error -select_streams "$2:0" -show_entries stream=codec_name,profile \
    -of default=noprint_wrappers=1:nokey=1 "$1" | { grep -vx unknown || true; } | paste -sd' ' -
}

{
  echo "# Sample lecture media"
  echo
  echo "Generated by \`npm run media\` (\`bash server/media/make-media.sh\`) with ffmpeg;"
  echo "do not edit by hand — change the script and re-run it. Every video is a title"
  echo "slide with a running mm:ss.d clock, a progress bar and a quiet sine tone."
  echo
  echo "- \`.mp4\`: H.264 (libx264, main profile, yuv420p, CRF $X264_CRF, $FPS fps, keyframe every 2 s)"
  echo "  + AAC-LC mono $AAC_BITRATE, \`+faststart\` (moov before mdat)."
  echo "- \`.webm\`: VP9 (libvpx-vp9, CRF $VP9_CRF, $FPS fps, keyframe every 2 s) + Opus mono $OPUS_BITRATE (constrained VBR),"
  echo "  cues at the front."
  echo "- \`.png\`: full-size frame at 2 s; \`_256x144.png\`: 256x144 thumbnail"
  echo "  (portrait video pillarboxed with black)."
  echo
  echo "| File | Duration (s) | Size (bytes) | Dimensions | Codecs |"
  echo "| --- | ---: | ---: | --- | --- |"
  total=0
  for name in "${LECTURES[@]}"; do
    for f in "$name.mp4" "$name.webm" "$name.png" "${name}_256x144.png"; do
      path="$OUT/$f"
      size=$(stat -c %s "$path")
      total=$((total + size))
      dims=$(ffprobe -v error -select_streams v:0 -show_entries stream=width,height \
        -of csv=s=x:p=0 "$path")
      case "$f" in
        *.png)
          echo "| \`$f\` | – | $size | $dims | PNG |" ;;
        *)
          duration=$(probe "$path" format=duration)
          printf '| `%s` | %.2f | %s | %s | %s / %s |\n' "$f" "$duration" "$size" "$dims" \
            "$(stream_codec "$path" v)" "$(stream_codec "$path" a)" ;;
      esac
    done
  done
  echo
  echo "Total media size (excluding this README): $total bytes."
} >"$WORK/README.md"
mv -f "$WORK/README.md" "$OUT/README.md"

total=$(du -cb "$OUT" | tail -n1 | cut -f1)
echo "make-media: wrote $OUT ($total bytes total)"
((total < MAX_TOTAL_BYTES)) ||
  die "output is $total bytes, over the $MAX_TOTAL_BYTES byte budget; lower the bitrates"
