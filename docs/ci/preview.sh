#!/usr/bin/env bash
# Pull-request preview for any CI: check the head revision, build the base and the head revision the same
# way, and report exactly the pages that changed. docs/ci.md explains the recipe.
#
# Usage (run it inside the git repository; nothing in the checkout changes):
#   docs/ci/preview.sh --base REV --head REV --base-url URL [--label TEXT] [--site DIR] [--out DIR] [--strict]
#
#   --base REV       the revision the pull request merges into (a commit, branch or tag)
#   --head REV       the revision to preview (in GitHub Actions: the pull request's merge commit)
#   --base-url URL   where the preview is published, such as https://preview.example.org/pr-42/
#   --label TEXT     text for the preview banner (default "Preview"); name the pull request, not the
#                    commit: a label that differs between the two builds changes every page
#   --site DIR       the site folder inside the repository, relative to its top (default .)
#   --out DIR        where to write the results (default preview-out)
#   --strict         pass --strict to sitegen check: warnings count as errors
#   SITEGEN          environment: the sitegen binary (default: sitegen on PATH)
#
# Writes into --out:
#   site/               the head revision built as a preview (drafts and future articles included)
#   base/               the base revision built with the same flags
#   check.json          sitegen check's report on the head revision (docs/check-report.schema.json)
#   changed-pages.md    the pull-request comment: the pages that changed, linked under --base-url
#   changed-pages.json  the same for programs (sitegen diff --format json)
# and prints sitegen check's GitHub Actions annotations (file paths relative to the repository) on stdout.
#
# A base revision that does not build (the pull request that adds the site, a base that was broken) is no
# failure: the report then says so and counts the pages of the preview, all of them new. A head revision
# that does not build leaves no preview and a report saying why.
#
# Exit status: 0 when the check found no errors and the preview was built, 1 otherwise (after everything
# else was produced), 2 on a usage error.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: docs/ci/preview.sh --base REV --head REV --base-url URL [--label TEXT] [--site DIR] [--out DIR] [--strict]
Checks and builds the head revision as a preview, builds the base revision the same way, and writes
site/, base/, check.json, changed-pages.md and changed-pages.json into --out (default preview-out).
The sitegen binary is $SITEGEN, else sitegen on PATH. Exit status: 0 ok, 1 check errors or no preview, 2 usage.
EOF
}

# A usage error: the message, and the usage when the arguments were wrong.
usage_error() {
    printf 'preview.sh: %s\n' "$1" >&2
    [[ ${2:-} == quiet ]] || usage >&2
    exit 2
}

base="" head="" base_url="" label="Preview" site="." out="preview-out" strict=0
while (($# > 0)); do
    case $1 in
        --base | --head | --base-url | --label | --site | --out)
            (($# >= 2)) || usage_error "$1 needs a value"
            case $1 in
                --base) base=$2 ;;
                --head) head=$2 ;;
                --base-url) base_url=$2 ;;
                --label) label=$2 ;;
                --site) site=$2 ;;
                --out) out=$2 ;;
            esac
            shift 2
            ;;
        --strict) strict=1 && shift ;;
        -h | --help) usage && exit 0 ;;
        *) usage_error "unknown argument '$1'" ;;
    esac
done

[[ -n $base ]] || usage_error "--base is required"
[[ -n $head ]] || usage_error "--head is required"
[[ $base_url == http://* || $base_url == https://* ]] || usage_error "--base-url must be an absolute http(s) URL, got '$base_url'"
[[ $site != /* ]] || usage_error "--site is a folder inside the repository, relative to its top: '$site'"
[[ -n $out ]] || usage_error "--out must not be empty"

sitegen=${SITEGEN:-sitegen}
command -v "$sitegen" >/dev/null || usage_error "cannot run '$sitegen': put sitegen on PATH or set SITEGEN"
top=$(git rev-parse --show-toplevel 2>/dev/null) || usage_error "run this inside the git repository" quiet

# A revision that is missing is a checkout problem, not a base that does not build: say so and stop.
commit_of() {
    git -C "$top" rev-parse --verify --quiet "$1^{commit}" ||
        usage_error "unknown revision '$1' (a shallow clone? fetch the whole history, e.g. fetch-depth: 0)" quiet
}
base_commit=$(commit_of "$base")
head_commit=$(commit_of "$head")

# The site folder without ./ and trailing slashes; empty for the top of the repository.
site=${site#./}
while [[ $site == */ ]]; do site=${site%/}; done
[[ $site == . ]] && site=""

work=$(mktemp -d "${TMPDIR:-/tmp}/sitegen-preview.XXXXXX")
trap 'rm -rf "$work"' EXIT

# git archive reads the object database only: no worktree, the checkout stays as it is.
export_tree() {
    mkdir -p "$2"
    git -C "$top" archive --format=tar "$1" | tar -x -C "$2"
}
export_tree "$base_commit" "$work/base"
export_tree "$head_commit" "$work/head"
base_site="$work/base/${site:-.}"
head_site="$work/head/${site:-.}"
[[ -d $head_site ]] || usage_error "the head revision has no folder '${site:-.}' (see --site)" quiet

mkdir -p "$out"
rm -f "$out/check.json" "$out/changed-pages.md" "$out/changed-pages.json"
# A previous run's output goes (sitegen marks its folders with .sitegen/OUTPUT): a build that fails now
# must not leave an old preview behind. Any other folder there is not ours to remove.
for folder in "$out/site" "$out/base"; do
    if [[ -e $folder ]]; then
        [[ -f $folder/.sitegen/OUTPUT ]] || usage_error "$folder exists and is not a sitegen output folder"
        rm -rf "$folder"
    fi
done

# 1. Check the head revision as it would be published. Annotations name files relative to the site folder;
# GitHub wants them relative to the repository, so the site folder is put in front.
check_args=(check --source "$head_site")
((strict == 0)) || check_args+=(--strict)
check_status=0
annotations=$("$sitegen" "${check_args[@]}" --format github) || check_status=$?
prefix=${site:+$site/}
prefix=${prefix//%/%25}
prefix=${prefix//:/%3A}
prefix=${prefix//,/%2C}
[[ -z $annotations ]] || while IFS= read -r line; do
    if [[ -n $prefix && $line =~ ^(::[a-z]+\ file=)(.*)$ ]]; then
        line="${BASH_REMATCH[1]}$prefix${BASH_REMATCH[2]}"
    fi
    printf '%s\n' "$line"
done <<<"$annotations"
"$sitegen" "${check_args[@]}" --format json >"$out/check.json" || true

# 2. Build both revisions with the same flags, so only their content differs.
build_flags=(--base-url "$base_url" --drafts --future --preview-label "$label")
head_built=1
"$sitegen" build --source "$head_site" --output "$out/site" "${build_flags[@]}" || head_built=0
base_built=0
if ((head_built == 1)) && [[ -d $base_site ]]; then
    echo "Building the base revision $base ($base_commit) for comparison:"
    base_built=1
    "$sitegen" build --source "$base_site" --output "$out/base" "${build_flags[@]}" || base_built=0
fi

# 3. The changed-pages report.
short_head=${head_commit:0:12}
short_base=${base_commit:0:12}
if ((head_built == 0)); then
    echo "preview.sh: the head revision $head ($head_commit) does not build; there is no preview." >&2
    cat >"$out/changed-pages.md" <<EOF
## Changed pages

No preview: the head revision \`$short_head\` does not build; its errors are in the log.
EOF
elif ((base_built == 0)); then
    echo "preview.sh: the base revision $base ($base_commit) does not build or has no site; every page of the preview counts as new." >&2
    pages=$(find "$out/site" -name '*.html' -not -path '*/.sitegen/*' | wc -l)
    pages=${pages//[[:space:]]/}
    cat >"$out/changed-pages.md" <<EOF
## Changed pages

All $pages pages of the preview are new: the base revision \`$short_base\` has no site or does not build, so there is nothing to compare with.
EOF
    # Against an empty manifest every file is added: the JSON keeps its usual shape for programs.
    printf '{"baseURL": "", "entries": [], "version": 1}\n' >"$work/empty-manifest.json"
    "$sitegen" diff "$work/empty-manifest.json" "$out/site" --format json --base-url "$base_url" \
        --output "$out/changed-pages.json"
else
    "$sitegen" diff "$out/base" "$out/site" --format markdown --base-url "$base_url" --output "$out/changed-pages.md"
    "$sitegen" diff "$out/base" "$out/site" --format json --base-url "$base_url" --output "$out/changed-pages.json"
fi

# 4. Summary, and the status: the check's, or 1 when there is no preview.
echo
if ((head_built == 1)); then
    echo "Preview:       $out/site/ (for $base_url)"
else
    echo "Preview:       none, the head revision does not build"
fi
if [[ -f $out/changed-pages.json ]]; then
    echo "Changed pages: $out/changed-pages.md, $out/changed-pages.json"
else
    echo "Changed pages: $out/changed-pages.md"
fi
if ((check_status == 0)); then
    echo "Check:         no errors ($out/check.json)"
else
    echo "Check:         errors found ($out/check.json)"
fi
status=$check_status
((head_built == 1 || status != 0)) || status=1
exit "$status"
