#!/bin/sh
# run.sh - start cp370 under Hercules in the foreground, IPLed from 0130.
# The run folder build/run keeps its volumes between runs (spool files and
# minidisks survive); delete it to start from fresh volumes.
set -e
B=${1:-build}
R=$B/run
PORT=${CP370_PORT:-3270}
mkdir -p $R
for v in $B/*.3350; do
    [ -f "$R/$(basename $v)" ] || cp --sparse=always "$v" "$R/"
done
sed -e "s/@PORT@/$PORT/" -e "s/@MAINSIZE@/${CP370_STORAGE:-64}/" mk/cp370.cnf.in > $R/cp370.cnf
# devices of your own (a volume you brought, docs/vm370-cms.md): lines of
# build/run/local.cnf are added to the configuration
if [ -f $R/local.cnf ]; then cat $R/local.cnf >> $R/cp370.cnf; fi
printf 'ipl 0130\n' > $R/cp370.rc
cat <<MSG

  cp370 is starting under Hercules (console port $PORT).

  Connect a terminal:   telnet localhost $PORT      (or c3270 localhost:$PORT)
  The first connection is the operator console 0009; later ones are user
  terminals 0020-002F.  To ask for a device:  TERM=dumb@0020 telnet localhost $PORT
  Stop:  type SHUTDOWN on the operator console, then 'quit' here.

MSG
cd $R
exec env HERCULES_RC=cp370.rc hercules -f cp370.cnf
