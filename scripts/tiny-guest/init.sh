#!/bin/sh
# PID 1 of the tiny guest. Console on ttyS0, line protocol on the virtio-serial port
# reservoir.health:
#   ping          -> pong <uptime seconds>
#   write <text>  -> ok        (appends text to the disk record)
#   read          -> <text>    (the disk record, empty if none)
#   dirty <MiB>   -> ok        (rewrites that much RAM in a loop; 0 stops)
#   net <ip/prefix> <peer-ip> <count>
#                 -> ok <received>  (eth0 up with that address, pings the peer count times)
#   disks         -> ok <name>...   (the virtio disks the guest sees now, e.g. ok vda vdb)
# Errors answer "err <reason>". Disk record on /dev/vda: sector 0 holds
# "RSVD <length>", the text starts at byte 512.
export PATH=/bin:/sbin

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null

for m in $(cat /lib/modules/order); do
  insmod "/lib/modules/$m.ko" 2>/dev/null
done
# Keep kernel messages off the console so the readiness line stays easy to find.
dmesg -n 1 2>/dev/null

id=guest
for arg in $(cat /proc/cmdline); do
  case "$arg" in reservoir.id=*) id="${arg#reservoir.id=}" ;; esac
done
hostname "$id"

# virtio-blk (virtio device id 2) creates its block device asynchronously.
disk=
if grep -qs '^0x0002$' /sys/bus/virtio/devices/*/device; then
  i=0
  while [ ! -b /dev/vda ] && [ $i -lt 40 ]; do
    usleep 50000
    i=$((i + 1))
  done
  [ -b /dev/vda ] && disk=/dev/vda
fi

record_len() {
  hdr="$(dd if="$disk" bs=512 count=1 2>/dev/null | head -c 32 | tr -d '\000' | head -n 1)"
  case "$hdr" in
    "RSVD "*) n="${hdr#RSVD }"; case "$n" in '' | *[!0-9]*) echo 0 ;; *) echo "$n" ;; esac ;;
    *) echo 0 ;;
  esac
}

disk_write() {
  len="$(record_len)"
  add="$(printf %s "$1" | wc -c)"
  printf %s "$1" | dd of="$disk" bs=4096 seek=$((512 + len)) oflag=seek_bytes conv=notrunc,fsync 2>/dev/null || return 1
  printf 'RSVD %d\n' $((len + add)) | dd of="$disk" bs=512 conv=sync,notrunc,fsync 2>/dev/null
}

disk_read() {
  len="$(record_len)"
  [ "$len" -gt 0 ] || return 0
  dd if="$disk" bs=4096 skip=512 count="$len" iflag=skip_bytes,count_bytes 2>/dev/null
}

dirty_pid=
dirty() {
  if [ -n "$dirty_pid" ]; then
    kill "$dirty_pid" 2>/dev/null
    wait "$dirty_pid" 2>/dev/null
    dirty_pid=
  fi
  rm -f /tmp/dirty
  [ "$1" -gt 0 ] || return 0
  # Random data: zero pages would be skipped by migration and flatter the numbers.
  (while :; do
    dd if=/dev/urandom of=/tmp/dirty bs=1M count="$1" iflag=fullblock conv=notrunc 2>/dev/null
  done) &
  dirty_pid=$!
}

# virtio-net (like virtio-blk) registers eth0 a moment after its module loads.
net_ping() {
  [ $# -eq 3 ] || { echo "err usage: net <ip/prefix> <peer-ip> <count>"; return; }
  case "$3" in '' | *[!0-9]* | 0) echo "err count must be a positive number"; return ;; esac
  i=0
  while [ ! -e /sys/class/net/eth0 ] && [ $i -lt 40 ]; do
    usleep 50000
    i=$((i + 1))
  done
  [ -e /sys/class/net/eth0 ] || { echo "err no eth0"; return; }
  ip link set eth0 up 2>/dev/null || { echo "err cannot bring eth0 up"; return; }
  ip addr flush dev eth0 2>/dev/null
  ip addr add "$1" dev eth0 2>/dev/null || { echo "err bad address $1"; return; }
  # -w bounds the whole run, so a silent peer answers "ok 0" instead of hanging the channel.
  out="$(ping -c "$3" -W 2 -w $(($3 + 5)) "$2" 2>&1)"
  got="$(printf '%s\n' "$out" | sed -n 's/.* \([0-9][0-9]*\) packets received.*/\1/p')"
  echo "ok ${got:-0}"
}

serve() {
  while IFS= read -r line <&3; do
    line="${line%"$(printf '\r')"}"
    cmd="${line%% *}"
    arg=
    [ "$cmd" = "$line" ] || arg="${line#* }"
    case "$cmd" in
      ping)
        read -r up _ </proc/uptime
        echo "pong $up" >&3
        ;;
      write)
        if [ -z "$disk" ]; then echo "err no disk" >&3
        elif disk_write "$arg"; then echo ok >&3
        else echo "err write failed" >&3; fi
        ;;
      read)
        if [ -z "$disk" ]; then echo "err no disk" >&3
        else printf '%s\n' "$(disk_read)" >&3; fi
        ;;
      dirty)
        case "$arg" in
          '' | *[!0-9]*) echo "err usage: dirty <MiB>" >&3 ;;
          *) dirty "$arg"; echo ok >&3 ;;
        esac
        ;;
      disks)
        # Hot-plugged disks appear here once the guest's PCIe hot-plug has bound them.
        names=
        for b in /sys/block/vd*; do [ -e "$b" ] && names="$names ${b##*/}"; done
        echo "ok$names" >&3
        ;;
      net)
        # Unquoted on purpose: the three arguments are words.
        # shellcheck disable=SC2086
        net_ping $arg >&3
        ;;
      '') ;;
      *) echo "err unknown command $cmd" >&3 ;;
    esac
  done
}

# The line channel is the virtio-serial port the host named reservoir.health; it appears once
# virtio_console has probed the device.
channel=
i=0
while [ -z "$channel" ] && [ $i -lt 100 ]; do
  for p in /sys/class/virtio-ports/*; do
    [ "$(cat "$p/name" 2>/dev/null)" = reservoir.health ] && channel="/dev/${p##*/}"
  done
  [ -n "$channel" ] && [ -c "$channel" ] && break
  channel=
  usleep 50000
  i=$((i + 1))
done
echo "RESERVOIR-GUEST-READY $id"

# The port stays open: virtio-console drops what the host sends to a port the guest has closed.
[ -n "$channel" ] && exec 3<>"$channel"

# PID 1 must never exit: the kernel would panic.
while :; do
  # A read ends (EOF) while no host is connected; what a new connection sends waits in the port.
  [ -n "$channel" ] && serve
  usleep 100000
done
