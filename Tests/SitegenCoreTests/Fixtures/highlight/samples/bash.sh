#!/usr/bin/env bash
# Deploy the built site to a server, keeping the last few releases.
set -euo pipefail

readonly SITE_DIR="${1:-public}" KEEP=${KEEP:-5}
declare -a hosts=(web1.example.com "web2.example.com")
export RSYNC_FLAGS='--archive --compress --delete'
release="$(date -u +%Y%m%dT%H%M%S)-${GITHUB_SHA:0:7}"

log() { printf '\e[1;34m==>\e[0m %s\n' "$*" >&2; }

deploy() {
  local host=$1 target="/srv/site/releases/$release"
  if [[ ! -d "$SITE_DIR" || $# -eq 0 ]]; then
    echo "nothing to deploy in \"$SITE_DIR\"" 1>&2
    return 1
  fi
  rsync $RSYNC_FLAGS "$SITE_DIR/" "$host:$target/" && ssh "$host" "ln -sfn '$target' /srv/site/current"
  ssh "$host" <<-EOF
	cd /srv/site/releases && ls -1t | tail -n +$((KEEP + 1)) | xargs -r rm -rf
	EOF
}

for host in "${hosts[@]}"; do
  log "deploying to $host (${#hosts[@]} hosts, keep $KEEP)"
  deploy "$host" || { echo "failed: $host" >&2; exit 2; }
done

case "${DEPLOY_ENV:-staging}" in
  prod*) url=https://example.com ;;
  *) url="https://staging.example.com" ;;
esac
count=$(( 0x10 + 3 * 2 )); echo `whoami` $'tab:\there' $count $? $$ 2>/dev/null
while read -r line; do echo "${line//foo/bar}"; done < <(curl -fsSL "$url/health")
