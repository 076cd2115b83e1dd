#!/usr/bin/env bash
# Re-fetches the workbench's browser libraries with npm (versions pinned in
# web/package.json and web/package-lock.json) and copies only the built
# files the page loads, with their licences, into web/vendor/. The binary
# embeds web/vendor/ (src/server/web.rs): nothing is fetched at run time.
#
#   web/refresh.sh            # npm ci from the lock file
#   web/refresh.sh --update   # npm install (rewrites the lock file after a version bump)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/package.json" "$here/package-lock.json" "$work/" 2>/dev/null || cp "$here/package.json" "$work/"
cd "$work"
if [[ "${1:-}" == "--update" || ! -f package-lock.json ]]; then
  npm install --no-audit --no-fund --ignore-scripts
  cp package-lock.json "$here/package-lock.json"
else
  npm ci --no-audit --no-fund --ignore-scripts
fi
m="$work/node_modules"
v="$here/vendor"
rm -rf "$v"
mkdir -p "$v/codemirror" "$v/sigma" "$v/graphology" "$v/graphology-library"
cp "$m/codemirror/lib/codemirror.js" "$m/codemirror/lib/codemirror.css" \
   "$m/codemirror/mode/sparql/sparql.js" "$m/codemirror/LICENSE" "$v/codemirror/"
cp "$m/sigma/dist/sigma.min.js" "$m/sigma/LICENSE.txt" "$v/sigma/"
cp "$m/graphology/dist/graphology.umd.min.js" "$m/graphology/LICENSE.txt" "$v/graphology/"
cp "$m/graphology-library/dist/graphology-library.min.js" "$m/graphology-library/LICENSE.txt" \
   "$v/graphology-library/"
# Source maps point at files we do not ship: drop the comment.
sed -i '/^\/\/# sourceMappingURL=/d; s#//\# sourceMappingURL=[^ ]*\.map$##' "$v"/*/*.js
for d in "$v"/*/; do
  n="$(basename "$d")"
  printf '%s %s\n' "$n" "$(node -p "require('$m/$n/package.json').version")"
done > "$v/VERSIONS"
echo "vendored into $v:"
cat "$v/VERSIONS"
du -sh "$v"
