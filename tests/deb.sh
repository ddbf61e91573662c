#!/bin/sh
# The Debian package of debian/, built and installed as a machine gets it.  dpkg-buildpackage builds it
# from a copy of the source tree (running the package's own tests); lintian finds no error and no warning
# in the .deb and the .changes; dpkg installs it into an empty root (a dpkg database and /etc of its own,
# nothing else: the maintainer scripts run outside a chroot with DPKG_ROOT, as dpkg's
# --force-script-chrootless runs them, and the libraries trin links are this machine's), where the postinst
# makes the kiosk's system user.  There the installed trin checks and tests every installed wizard and
# speaks Danish from the installed catalogue (and not once it is taken away); the kiosk unit, pointed at
# the installed trin, passes systemd-analyze verify and scores an exposure of at most 1.0 in
# systemd-analyze security; purging leaves none of the package's files.  As root only, and only with
# dpkg-buildpackage and debhelper (.ci/run installs them): otherwise skipped (77), saying why.
#
#   deb.sh SOURCE_DIR
set -u
src=$1
[ "$(id -u)" -eq 0 ] || { echo "not root: dpkg-buildpackage and dpkg --root are not tried"; exit 77; }
for tool in dpkg-buildpackage dh; do
	command -v "$tool" >/dev/null || { echo "$tool is not installed (dpkg-dev, debhelper)"; exit 77; }
done
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
status=0
missing=

# A copy of the source tree: what git knows of (tracked or not ignored), or else all but the build folders.
mkdir "$tmp/trin" || exit 99
if git -C "$src" ls-files -co --exclude-standard >"$tmp/files" 2>/dev/null; then
	(cd "$src" && tar -cf - --no-recursion --ignore-failed-read -T "$tmp/files" 2>/dev/null)
else
	(cd "$src" && tar -cf - --exclude=./.git --exclude='./build*' --exclude='./obj-*' .)
fi | (cd "$tmp/trin" && tar -xf -) || { echo "the source tree could not be copied"; exit 99; }

(cd "$tmp/trin" && env -u MALLOC_PERTURB_ nice -n 10 dpkg-buildpackage -us -uc -b) >"$tmp/build.log" 2>&1 || {
	tail -n 40 "$tmp/build.log"
	echo "dpkg-buildpackage failed"
	exit 1
}
arch=$(dpkg --print-architecture)
deb=$(ls "$tmp"/trin_*_"$arch".deb 2>/dev/null | head -n 1)
changes=$(ls "$tmp"/trin_*_"$arch".changes 2>/dev/null | head -n 1)
[ -f "$deb" ] && [ -f "$changes" ] || { ls "$tmp"; echo "no trin .deb or .changes was built"; exit 1; }

# lintian: every tag it prints is shown; an error or a warning fails
if command -v lintian >/dev/null; then
	lintian --fail-on error,warning "$changes" "$deb" >"$tmp/lintian" 2>"$tmp/lintian.err" || status=1
	cat "$tmp/lintian"
	grep -q '^[EW]: ' "$tmp/lintian" && status=1
	[ $status -eq 0 ] || { cat "$tmp/lintian.err"; echo "lintian found errors or warnings"; }
else
	missing="$missing lintian"
fi

# dpkg into an empty root
root=$tmp/root
mkdir -p "$root/etc" "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" && : >"$root/var/lib/dpkg/status" || exit 99
dpkg_root() {
	dpkg --root="$root" --force-script-chrootless --force-depends --log=/dev/null "$@" >"$tmp/dpkg.log" 2>&1 || {
		cat "$tmp/dpkg.log"
		echo "dpkg $*: failed"
		status=1
	}
}
dpkg_root -i "$deb"
dpkg --root="$root" -s trin 2>/dev/null | grep -q '^Status: install ok installed$' ||
	{ echo "trin is not installed ok in the root"; status=1; }
grep -q '^trin-kiosk:x:[0-9]*:[0-9]*:.*:/usr/sbin/nologin$' "$root/etc/passwd" 2>/dev/null ||
	{ echo "the postinst made no system user trin-kiosk"; status=1; }

trin=$root/usr/bin/trin
[ -x "$trin" ] || { echo "no installed trin"; exit 1; }
# libunistring linked in, as debian/rules asks, and the package naming the source it was built from
if readelf -d "$trin" | grep -q 'NEEDED.*libunistring'; then
	echo "the packaged trin loads the shared libunistring: debian/rules asks for it linked in"
	status=1
fi
dpkg-deb -f "$deb" Built-Using | grep -q '^libunistring (= [^)]*)$' ||
	{ echo "trin has libunistring linked in, but the package has no Built-Using: libunistring"; status=1; }
for f in share/man/man1/trin.1.gz share/man/man5/trin.5.gz share/trin/trin.schema.json \
	lib/systemd/system/trin-kiosk@.service lib/sysusers.d/trin-kiosk.conf share/locale/da/LC_MESSAGES/trin.mo; do
	[ -f "$root/usr/$f" ] || { echo "the package lacks /usr/$f"; status=1; }
done
python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$root/usr/share/trin/trin.schema.json" ||
	{ echo "the installed JSON Schema is not JSON"; status=1; }

# every installed wizard checks clean and passes its scenarios, from outside any source tree and with no
# TRIN_PATH; every wizard of the source tree is installed
n=0
for w in "$root"/usr/share/trin/wizards/*.yaml; do
	[ -f "$w" ] || continue
	n=$((n + 1))
	for cmd in check test; do
		(cd / && env -u TRIN_PATH "$trin" "$cmd" "$w") >"$tmp/out" 2>&1 ||
			{ cat "$tmp/out"; echo "trin $cmd $w: failed"; status=1; }
	done
done
[ $n -gt 0 ] || { echo "no wizards installed"; status=1; }
for w in "$src"/wizards/*.yaml; do
	[ -f "$root/usr/share/trin/wizards/${w##*/}" ] || { echo "not installed: wizards/${w##*/}"; status=1; }
done

# the installed catalogues: trin's own in Danish, a wizard's in English; without trin's Danish catalogue,
# no Danish (so it was the installed one that spoke)
menu() {
	(cd / && env -u TRIN_PATH -u TRIN_LOCALEDIR "$trin" --lang "$1" --plain </dev/null) >"$tmp/menu" 2>&1
}
for lang in 'da:Vælg en guide' 'en:Get ready for your visit to the digital helper'; do
	menu "${lang%%:*}"
	grep -q -F "${lang#*:}" "$tmp/menu" || { cat "$tmp/menu"; echo "the installed trin did not show: ${lang#*:}"; status=1; }
done
mo=$root/usr/share/locale/da/LC_MESSAGES/trin.mo
mv "$mo" "$tmp/trin.mo" && menu da
grep -q -F 'Vælg en guide' "$tmp/menu" && { echo "Danish without the installed catalogue: from where?"; status=1; }
mv "$tmp/trin.mo" "$mo"

# the kiosk unit as installed, its trin pointed into the root: systemd reads it without a complaint, its
# wizards are installed, and its hardening keeps the exposure at 1.0 or below
unit=$root/usr/lib/systemd/system/trin-kiosk@.service
mkdir "$tmp/units" || exit 99
grep -q '^ExecStart=/usr/bin/trin --kiosk ' "$unit" || { echo "the unit does not start /usr/bin/trin --kiosk"; status=1; }
offered=$(sed -n 's/^Environment="TRIN_KIOSK_WIZARDS=\(.*\)"$/\1/p' "$unit")
[ -n "$offered" ] || { echo "the unit names no wizards in TRIN_KIOSK_WIZARDS"; status=1; }
for w in $offered; do
	[ -f "$root$w" ] || { echo "the unit offers $w, which is not installed"; status=1; }
done
sed "s#^ExecStart=/usr/bin/trin #ExecStart=$trin #" "$unit" >"$tmp/units/trin-kiosk@.service"
if command -v systemd-analyze >/dev/null; then
	# (its Documentation=, trin(1), as installed)
	out=$(MANPATH=$root/usr/share/man systemd-analyze verify "$tmp/units/trin-kiosk@tty2.service" 2>&1) || status=1
	[ -z "$out" ] || { echo "systemd-analyze verify: $out"; status=1; }
	MANPATH=$root/usr/share/man systemd-analyze security --offline=yes --threshold=10 "$tmp/units/trin-kiosk@tty2.service" \
		>"$tmp/security" 2>&1 || { cat "$tmp/security"; echo "the unit's exposure is above 1.0"; status=1; }
	grep 'Overall exposure' "$tmp/security"
else
	missing="$missing systemd-analyze"
fi

# purged, the root holds none of the package's files
dpkg_root --purge trin
left=$([ ! -d "$root/usr" ] || find "$root/usr" -type f | head -n 5)
[ -z "$left" ] || { echo "left after purge: $left"; status=1; }

if [ -n "$missing" ] && [ $status -eq 0 ]; then
	echo "not installed:$missing (those checks were skipped)"
	exit 77
fi
exit $status
