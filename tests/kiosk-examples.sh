#!/bin/sh
# The systemd unit and the sshd_config block of trin(1)'s "Running a kiosk", taken from the page itself,
# checked by the tools that will read them: systemd-analyze verify and sshd -t.
#
#   kiosk-examples.sh TRIN
set -u
trin=$1
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
# The n-th example of that section, with roff escapes undone.
example() {
	awk -v want="$1" '
		/^\.SS Running a kiosk/ { on = 1; next }
		on && /^\.S[HS] / { on = 0 }
		on && /^\.EX/ { n++; inside = (n == want); next }
		/^\.EE/ { inside = 0 }
		inside { print }
	' "$root/man/trin.1" | sed -e 's/\\-/-/g' -e 's/\\e/\\/g'
}
example 1 >"$tmp/unit"
example 2 >"$tmp/match"
[ -s "$tmp/unit" ] && [ -s "$tmp/match" ] || { echo "the examples were not found in trin(1)"; exit 1; }
status=0
# the unit, pointing at this trin and these wizards
mkdir "$tmp/units"
sed -e "s#/usr/local/bin/trin#$trin#" -e "s#/usr/local/share/trin/wizards#$root/wizards#g" "$tmp/unit" \
	>"$tmp/units/trin-kiosk.service"
out=$(systemd-analyze verify "$tmp/units/trin-kiosk.service" 2>&1) || { echo "$out"; status=1; }
[ -z "$out" ] || { echo "systemd-analyze verify: $out"; status=1; }
# the sshd block, in a config of its own with a host key made here (CI installs openssh-server; on a
# developer's machine, installing it starts an SSH server, so without it this part is skipped, and said)
if [ ! -x /usr/sbin/sshd ]; then
	echo "sshd is not installed: the sshd_config block was not checked"
	[ $status -eq 0 ] && exit 77
	exit $status
fi
ssh-keygen -q -t ed25519 -N '' -f "$tmp/hostkey" >/dev/null || exit 99
printf 'HostKey %s\nUsePAM no\n' "$tmp/hostkey" | cat - "$tmp/match" >"$tmp/sshd_config"
[ -d /run/sshd ] || mkdir -p /run/sshd 2>/dev/null
out=$(/usr/sbin/sshd -t -f "$tmp/sshd_config" 2>&1) || { echo "sshd -t: $out"; status=1; }
exit $status
