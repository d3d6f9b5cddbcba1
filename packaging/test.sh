#!/bin/sh
# test.sh BIN: what `make test` checks of the installation (make
# packaging-test; BIN is the ./copydesk that `make install` installs):
#  - make install into a throwaway PREFIX lays out the binary, a desktop
#    entry desktop-file-validate accepts, the icon in every hicolor size, a
#    man page groff reads without a warning and a bash completion that
#    completes; make uninstall removes exactly those files and leaves a desk
#    database under PREFIX/share/copydesk alone;
#  - the .deb declares its runtime libraries, and its copydesk, unpacked
#    into a throwaway root, prints the same --version as BIN.
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "packaging-test: $*" >&2; exit 1; }
prefix="$tmp/prefix with space"
id=org.copydesk.Copydesk

# A desk's database under the prefix (~/.local/share/copydesk by default).
mkdir -p "$prefix/share/copydesk" && echo keep >"$prefix/share/copydesk/MANIFEST"
make -s -C "$root" --no-print-directory install PREFIX="$prefix" >/dev/null
for f in bin/copydesk "share/applications/$id.desktop" share/man/man1/copydesk.1.gz \
	share/bash-completion/completions/copydesk lib/copydesk/installed-files \
	share/icons/hicolor/16x16/apps/$id.png share/icons/hicolor/512x512/apps/$id.png; do
	[ -f "$prefix/$f" ] || fail "make install did not install $f"
done
[ "$(find "$prefix/share/icons" -name "$id.png" | wc -l)" -eq 9 ] || fail "not 9 icon sizes"
out=$(desktop-file-validate "$prefix/share/applications/$id.desktop" 2>&1) || fail "desktop-file-validate: $out"
[ -z "$out" ] || fail "desktop-file-validate: $out"
grep -qx "Exec=\"$prefix/bin/copydesk\"" "$prefix/share/applications/$id.desktop" || fail "Exec= does not name the installed binary"
warn=$(zcat "$prefix/share/man/man1/copydesk.1.gz" | groff -man -ww -z -Tutf8 2>&1) || fail "groff: $warn"
[ -z "$warn" ] || fail "groff warns about the man page: $warn"
zcat "$prefix/share/man/man1/copydesk.1.gz" | grep -q '^\.SS export$' || fail "the man page lacks the export command"
got=$(bash -c '. "$1"; COMP_WORDS=(copydesk --db x exp); COMP_CWORD=3; _copydesk; echo "${COMPREPLY[*]}"' _ "$prefix/share/bash-completion/completions/copydesk")
[ "$got" = export ] || fail "completing 'copydesk --db x exp' gave '$got', want export"
got=$(bash -c '. "$1"; COMP_WORDS=(copydesk backup --f); COMP_CWORD=2; _copydesk; echo "${COMPREPLY[*]}"' _ "$prefix/share/bash-completion/completions/copydesk")
[ "$got" = --force ] || fail "completing 'copydesk backup --f' gave '$got', want --force"
make -s -C "$root" --no-print-directory uninstall PREFIX="$prefix" >/dev/null
left=$(cd "$prefix" && find . -type f)
[ "$left" = ./share/copydesk/MANIFEST ] || fail "after make uninstall, files left or lost under PREFIX: ${left:-none}"

# The Debian package.
deb=$("$root/packaging/deb.sh" "$bin" "$tmp/deb")
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libc6 libgl1 libx11-6 libhunspell; do
	case $depends in *"$lib"*) ;; *) fail "the package does not depend on $lib: $depends" ;; esac
done
dpkg-deb -x "$deb" "$tmp/root"
want=$("$bin" --version)
got=$("$tmp/root/usr/bin/copydesk" --version) || fail "copydesk --version from the package failed"
[ "$got" = "$want" ] || fail "the package's copydesk --version says '$got', the build's '$want'"
echo "packaging-test: OK (install, uninstall, $(basename "$deb"): $(du -k "$deb" | cut -f1) KB; $got)"
