#!/bin/sh
# stage.sh BIN EXEC DIR: lays out under DIR what an installation of BIN
# holds, relative to its prefix (bin/, share/…): the binary, the desktop
# entry (whose Exec= line is EXEC), the icon in the hicolor sizes, the man
# page and the bash completion. The last two come from the binary's own
# help, so they match the binary installed with them. Used by `make
# install` (EXEC: the absolute path, as a desktop session's PATH may lack
# ~/.local/bin) and `make deb` (EXEC: copydesk).
set -eu
bin=$1 exec=$2 dir=$3
root=$(cd "$(dirname "$0")/.." && pwd)
id=$(sed -n 's/^ID = "\(.*\)"$/\1/p' "$root/FyneApp.toml")
[ -n "$id" ] || { echo "stage.sh: no ID in FyneApp.toml" >&2; exit 1; }
case $exec in
*[[:space:]\"\'\\\$\`]*) # the Desktop Entry spec's quoting
	exec=\"$(printf '%s' "$exec" | sed 's/[\\"`$]/\\\\&/g')\" ;;
esac
rm -rf "$dir"
mkdir -p "$dir/bin" "$dir/share/applications" "$dir/share/man/man1" "$dir/share/bash-completion/completions"
install -m 755 "$bin" "$dir/bin/copydesk"
sed "s|@EXEC@|$(printf '%s' "$exec" | sed 's/[|&\\]/\\&/g')|" "$root/packaging/$id.desktop.in" >"$dir/share/applications/$id.desktop"
(cd "$root" && ${GO:-go} run ./cmd/iconsizes -name "$id" -out "$dir/share/icons/hicolor" assets/icon.png)
"$bin" help --man | gzip -9n >"$dir/share/man/man1/copydesk.1.gz"
"$bin" help --bash-completion >"$dir/share/bash-completion/completions/copydesk"
find "$dir" -type f -exec chmod go-w {} +
