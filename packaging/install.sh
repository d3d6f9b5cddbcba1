#!/bin/sh
# install.sh install STAGE PREFIX: copies the staged files (stage.sh) into
# PREFIX and lists them, one path relative to PREFIX a line, in
# PREFIX/lib/copydesk/installed-files.
# install.sh uninstall PREFIX: removes exactly the files that list names,
# then the list. Nothing else is touched: not the desk's database (by
# default in ~/.local/share/copydesk, under the default PREFIX), not the
# directories, which other programs may share.
set -eu
manifest_rel=lib/copydesk/installed-files

uninstall() {
	prefix=$1
	manifest=$prefix/$manifest_rel
	if [ ! -f "$manifest" ]; then
		echo "nothing to uninstall: $manifest does not exist (was Copydesk installed with PREFIX=$prefix?)" >&2
		return 0
	fi
	n=0
	while IFS= read -r rel; do
		case $rel in
		'' | /* | ../* | */../* | *'/..') echo "install.sh: skipping a suspicious line in $manifest: $rel" >&2; continue ;;
		"$manifest_rel") continue ;; # removed last
		esac
		if [ -e "$prefix/$rel" ] || [ -L "$prefix/$rel" ]; then
			rm -f "$prefix/$rel"
			n=$((n + 1))
		fi
	done <"$manifest"
	rm -f "$manifest"
	rmdir "$prefix/lib/copydesk" 2>/dev/null || true
	echo "removed $n files listed in $manifest, and the list"
}

case ${1:-} in
install)
	stage=$2 prefix=$3
	[ -f "$prefix/$manifest_rel" ] && uninstall "$prefix" >/dev/null
	list=$(cd "$stage" && find . -type f | sed 's|^\./||' | LC_ALL=C sort)
	printf '%s\n' "$list" | while IFS= read -r rel; do
		install -D -m "$(stat -c %a "$stage/$rel")" "$stage/$rel" "$prefix/$rel"
	done
	mkdir -p "$prefix/lib/copydesk"
	{ printf '%s\n' "$list"; echo "$manifest_rel"; } >"$prefix/$manifest_rel"
	echo "installed $(printf '%s\n' "$list" | wc -l) files under $prefix (listed in $prefix/$manifest_rel)"
	;;
uninstall) uninstall "$2" ;;
*)
	echo "usage: install.sh install STAGE PREFIX | install.sh uninstall PREFIX" >&2
	exit 2
	;;
esac
