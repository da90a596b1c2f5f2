#!/usr/bin/env bash
# The base image of the SpotifyMate images, made with no Docker daemon and no registry: Debian bookworm (minbase)
# with the OpenJDK 17 runtime, from Debian's own packages (mmdebstrap), turned into an OCI image (umoci) and written
# as a docker-archive tar (skopeo), which Jib reads as its base ("tar://..."). Needs root (or fakeroot) for
# mmdebstrap, and mmdebstrap, umoci and skopeo on the PATH (Debian packages of the same names).
#
# usage: deploy/images/base-image.sh <out.tar>
# The packages are the mirror's of the day; SOURCE_DATE_EPOCH pins every timestamp, so one mirror state gives one
# digest. DEBIAN_MIRROR overrides the mirror (default http://deb.debian.org/debian).
set -euo pipefail

out="${1:?usage: base-image.sh <out.tar>}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
for tool in mmdebstrap umoci skopeo; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "base-image: $tool is not installed (apt-get install mmdebstrap umoci skopeo)" >&2
        exit 2
    fi
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1735689600 # 2025-01-01: any fixed instant; the images carry no build time

# The runtime user of every service (uid 1001, no login) and a /deployments that it cannot write to.
mmdebstrap --quiet --variant=minbase \
    --include=openjdk-17-jre-headless \
    --aptopt='APT::Install-Recommends "false"' \
    --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' \
    --customize-hook='chroot "$1" useradd --system --uid 1001 --user-group --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin spotifymate' \
    --customize-hook='mkdir -p "$1/deployments"' \
    --customize-hook='rm -rf "$1/var/cache/apt"/* "$1/var/lib/apt/lists"/* "$1/var/log"/* "$1/usr/share/man"/*' \
    bookworm "$work/rootfs.tar" "$mirror" "$mirror-security bookworm-security main" </dev/null

umoci init --layout "$work/oci"
umoci new --image "$work/oci:base"
umoci raw add-layer --image "$work/oci:base" --history.created "2025-01-01T00:00:00Z" "$work/rootfs.tar"
umoci config --image "$work/oci:base" --created "2025-01-01T00:00:00Z" \
    --history.created "2025-01-01T00:00:00Z" \
    --config.user 1001:1001 \
    --config.env JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 \
    --config.env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --config.env LANG=C.UTF-8
mkdir -p "$(dirname "$out")"
rm -f "$out"
skopeo copy --quiet "oci:$work/oci:base" "docker-archive:$out:spotifymate/base:bookworm-jre17"
echo "base-image: $out ($(du -h "$out" | cut -f1))"
