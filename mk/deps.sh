#!/bin/sh
# deps.sh - make sure every Debian package the build and tests use is there.
# Installs what is missing with apt-get (as root, or through sudo).
set -e
need=""
check() {   # command package
    command -v "$1" >/dev/null 2>&1 || need="$need $2"
}
check hercules hercules
check dasdinit hercules
check s390x-linux-gnu-as binutils-s390x-linux-gnu
check s390x-linux-gnu-gcc gcc-s390x-linux-gnu
check flex flex
check bison bison
check s3270 s3270
check c3270 c3270
check telnet telnet
check g++ g++
[ -f /usr/include/CppUTest/TestHarness.h ] || need="$need libcpputest-dev"
if ! s390x-linux-gnu-gcc -m31 -print-libgcc-file-name 2>/dev/null | grep -q /32/; then
    need="$need lib32gcc-12-dev-s390x-cross"
fi
[ -z "$need" ] && exit 0
echo "cp370: installing Debian packages:$need"
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y $need
