#!/bin/sh
# Fetch the map's browser libraries from the npm registry into DEST (default static/vendor; gitignored),
# where Streamlit's static file serving publishes them at /app/static/vendor/ so the map renders offline.
# Third-party code is never committed: `make install` (via `make vendor`) runs this at install time.
#
# The dashboard's map uses plain Leaflet only (ui/map.py replaces folium's default jQuery, Bootstrap and
# awesome-markers links with Leaflet alone), so Leaflet is the one package fetched. Add a package here
# and its links in ui/map.py together when the map starts using a plugin.
set -eu

DEST=${1:-static/vendor}
LEAFLET_VERSION=1.9.3   # the version folium 0.20 pins (folium.Map.default_js)
LEAFLET_SHA1=52ec436954964e2d3d39e0d433da4b2500d74414

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

fetch() {  # fetch NAME VERSION SHA1 → $work/NAME.tgz
    name=$1 version=$2 sha1=$3
    if command -v npm >/dev/null 2>&1; then
        (cd "$work" && npm pack --silent --loglevel=error "$name@$version" >/dev/null)
        mv "$work/$name-$version.tgz" "$work/$name.tgz"
    else
        # No npm on this machine: the same tarball straight from the npm registry, checked below.
        python3 -c 'import sys, urllib.request; urllib.request.urlretrieve(sys.argv[1], sys.argv[2])' \
            "https://registry.npmjs.org/$name/-/$name-$version.tgz" "$work/$name.tgz"
    fi
    got=$(python3 -c 'import hashlib, sys; print(hashlib.sha1(open(sys.argv[1], "rb").read()).hexdigest())' "$work/$name.tgz")
    if [ "$got" != "$sha1" ]; then
        echo "vendor.sh: $name@$version checksum mismatch ($got, expected $sha1)" >&2
        exit 1
    fi
    mkdir -p "$work/$name"
    tar -xzf "$work/$name.tgz" -C "$work/$name"
}

fetch leaflet "$LEAFLET_VERSION" "$LEAFLET_SHA1"

mkdir -p "$DEST"
rm -f "$DEST/.complete"
rm -rf "$DEST/leaflet"
mkdir -p "$DEST/leaflet"
cp -R "$work/leaflet/package/dist" "$DEST/leaflet/dist"
cp "$work/leaflet/package/LICENSE" "$DEST/leaflet/LICENSE"
touch "$DEST/.complete"
echo "vendor.sh: Leaflet $LEAFLET_VERSION in $DEST/leaflet"
