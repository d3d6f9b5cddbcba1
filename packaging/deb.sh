#!/bin/sh
# deb.sh BIN OUTDIR: builds OUTDIR/copydesk_VERSION_ARCH.deb with dpkg-deb
# and prints its path. VERSION is FyneApp.toml's, plus the commit's date
# and hash when built from a git checkout (so each build sorts after the
# one before). Depends is what dpkg-shlibdeps finds the binary links
# against (libc6, libgl1, libhunspell …) and the packages of the libraries
# GLFW opens at run time (dlopen: X11 and Wayland; dpkg-shlibdeps cannot
# see those); the dictionaries and the emoji font the window uses are
# Recommends, as it runs without them.
set -eu
bin=$1 out=$2
root=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's/^Version = "\(.*\)"$/\1/p' "$root/FyneApp.toml")
if stamp=$(git -C "$root" log -1 --format=%cd.%h --date=format:%Y%m%d%H%M 2>/dev/null); then
	version=$version+git$stamp
fi
arch=$(dpkg --print-architecture)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pkg=$work/pkg
"$root/packaging/stage.sh" "$bin" copydesk "$pkg/usr"
mkdir -p "$pkg/usr/share/doc/copydesk" "$pkg/DEBIAN"
install -m 644 "$root/LICENSE" "$pkg/usr/share/doc/copydesk/copyright"

# dpkg-shlibdeps reads debian/control of a source package: a minimal one.
mkdir -p "$work/debian"
printf 'Source: copydesk\n\nPackage: copydesk\nArchitecture: any\n' >"$work/debian/control"
depends=$(cd "$work" && dpkg-shlibdeps -O pkg/usr/bin/copydesk 2>"$work/shlibdeps.log" | sed -n 's/^shlibs:Depends=//p') || {
	cat "$work/shlibdeps.log" >&2
	exit 1
}
[ -n "$depends" ] || { echo "deb.sh: dpkg-shlibdeps found no dependencies" >&2; exit 1; }
# What Fyne's GLFW opens with dlopen (strings of the binary show the names;
# libdecor and Vulkan are optional and left out).
for so in libX11.so.6 libXcursor.so.1 libXrandr.so.2 libXinerama.so.1 libXi.so.6 libXxf86vm.so.1 \
	libXext.so.6 libXrender.so.1 libX11-xcb.so.1 libEGL.so.1 libwayland-cursor.so.0 libwayland-egl.so.1 libxkbcommon.so.0; do
	owner=$(dpkg -S "*/$so" 2>/dev/null | head -n 1 | cut -d: -f1) || true
	[ -n "$owner" ] || { echo "deb.sh: no installed package holds $so (make deps-build installs them)" >&2; exit 1; }
	case ", $depends," in *", $owner "* | *", $owner,"*) ;; *) depends="$depends, $owner" ;; esac
done

cat >"$pkg/DEBIAN/control" <<CONTROL
Package: copydesk
Version: $version
Architecture: $arch
Maintainer: The Copydesk authors <copydesk@example.org>
Installed-Size: $(du -sk "$pkg/usr" | cut -f1)
Depends: $depends
Recommends: hunspell-en-us, hunspell-ru, fonts-noto-color-emoji
Section: editors
Priority: optional
Homepage: https://example.org/copydesk
Description: editorial workstation: a wire agency's writing desk in one window
 Reporters draft and revise stories, editors compare any two revisions,
 and finished copy leaves as plain text, HTML, Markdown, NITF 3.6 and
 ninjs 2.2. Every draft and revision is kept in an embedded database, in a
 hash chain that shows if anything was changed behind the desk's back.
 The same binary works from the command line without a display.
CONTROL
mkdir -p "$out"
deb=$out/copydesk_${version}_$arch.deb
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$deb" >/dev/null
echo "$deb"
