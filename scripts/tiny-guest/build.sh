#!/usr/bin/env bash
# Builds a tiny guest (kernel + busybox initramfs) from installed Debian packages:
#   linux-image-amd64 (kernel and virtio modules) and busybox-static.
# Usage: build.sh OUTDIR   (KVER=<version> picks the kernel, default: newest in /boot)
# Writes OUTDIR/vmlinuz and OUTDIR/initrd.img. The guest protocol is in init.sh.
set -euo pipefail

out="${1:?usage: build.sh OUTDIR}"
here="$(cd "$(dirname "$0")" && pwd)"
busybox=/bin/busybox
[ -x "$busybox" ] || busybox=/usr/bin/busybox
[ -x "$busybox" ] || { echo "busybox-static is not installed" >&2; exit 1; }
# The initramfs has no libc: a dynamically linked busybox would not run in it.
if ldd "$busybox" >/dev/null 2>&1; then
  echo "$busybox is not a static busybox (install busybox-static)" >&2
  exit 1
fi

kver="${KVER:-}"
if [ -z "$kver" ]; then
  kver="$(ls /boot | sed -n 's/^vmlinuz-//p' | sort -V | tail -1)"
fi
kernel="/boot/vmlinuz-$kver"
moddir="/lib/modules/$kver"
[ -r "$kernel" ] || { echo "no readable kernel $kernel (install linux-image-amd64)" >&2; exit 1; }
[ -r "$moddir/modules.dep" ] || { echo "no $moddir/modules.dep" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/root"
mkdir -p "$root"/{bin,sbin,dev,proc,sys,tmp,lib/modules}

cp "$busybox" "$root/bin/busybox"
for applet in $("$busybox" --list); do
  [ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
done
ln -s ../bin/busybox "$root/sbin/init"
install -m 0755 "$here/init.sh" "$root/init"

# Virtio PCI, virtio-blk and virtio-net are modules in Debian's kernel (8250 serial is built in).
# Resolve their dependencies from modules.dep and list them dependencies-first,
# so /init can insmod them in order without modprobe or depmod data.
declare -A seen=()
order=()
dep_of() { sed -n "s|^\([^:]*/$1\.ko[^:]*\):\(.*\)|\1 \2|p" "$moddir/modules.dep" | head -1; }
resolve() {
  local name="$1" line path
  [ -n "${seen[$name]:-}" ] && return 0
  seen[$name]=1
  if grep -qE "/$name\.ko" "$moddir/modules.builtin" 2>/dev/null; then return 0; fi
  line="$(dep_of "$name")"
  [ -n "$line" ] || { echo "module $name not found in $moddir" >&2; exit 1; }
  read -r path deps <<<"$line"
  for d in $deps; do
    d="${d##*/}"
    resolve "${d%%.ko*}"
  done
  order+=("$path")
}
for m in virtio_pci virtio_blk virtio_net virtio_console; do resolve "$m"; done

: >"$root/lib/modules/order"
for path in "${order[@]}"; do
  base="${path##*/}"
  name="${base%%.ko*}"
  src="$moddir/$path"
  dst="$root/lib/modules/$name.ko"
  # Busybox insmod takes plain ELF objects only.
  case "$base" in
    *.ko) cp "$src" "$dst" ;;
    *.ko.xz) xz -dc "$src" >"$dst" 2>/dev/null || "$busybox" unxz -c "$src" >"$dst" ;;
    *.ko.gz) gzip -dc "$src" >"$dst" ;;
    *.ko.zst) zstd -qdc "$src" >"$dst" ;;
    *) echo "unknown module format $base" >&2; exit 1 ;;
  esac
  echo "$name" >>"$root/lib/modules/order"
done

# Fixed mtimes, sorted entries and gzip -n keep the image stable across builds.
find "$root" -exec touch -h -d @0 {} +
mkdir -p "$out"
(cd "$root" && find . -mindepth 1 | LC_ALL=C sort | "$busybox" cpio -o -H newc -R 0:0 2>/dev/null) |
  gzip -n -6 >"$out/initrd.img.tmp"
cp "$kernel" "$out/vmlinuz.tmp"
mv "$out/vmlinuz.tmp" "$out/vmlinuz"
mv "$out/initrd.img.tmp" "$out/initrd.img"
echo "tiny guest: kernel $kver, modules: ${order[*]##*/}" >&2
