#!/usr/bin/env python3
"""CPU seconds by kind of process while something runs: how docs/performance.md measured the suite's CPU by whom
(Chromium's renderers are children of its zygote, so `time` around Maven or the test JVM does not count them).

    python3 bench/tools/cpu-by-process.py > /tmp/cpu.txt &   # then run the suite; then:
    pkill -TERM -f cpu-by-process.py                          # prints {"chromium": 293.2, "test-jvm": 376.7, ...}

Reads /proc every 5 s and sums each process's utime + stime increments by kind (its command line). A process seen for
the first time counts from its start; one that starts and ends between two looks is missed (rare in a suite run).
"""
import json
import os
import signal
import sys
import time

HZ = os.sysconf('SC_CLK_TCK')
KINDS = [('chromedriver', 'chromedriver'), ('chrom', 'chromium'), ('surefire', 'test-jvm'),
         ('plexus-classworlds', 'maven'), ('mariadbd', 'mariadb'), ('mysqld', 'mariadb'),
         ('soffice', 'libreoffice'), ('java', 'other-java')]
seen = {}   # (pid, start time) -> [kind, CPU ticks counted]
totals = {}


def kind(pid):
    try:
        command = open(f'/proc/{pid}/cmdline', 'rb').read().replace(b'\0', b' ').decode(errors='replace')
    except OSError:
        return None
    return next((name for part, name in KINDS if part in command), 'other')


def look():
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            stat = open(f'/proc/{pid}/stat').read()
        except OSError:
            continue
        fields = stat[stat.rindex(')') + 2:].split()
        ticks, started = int(fields[11]) + int(fields[12]), fields[19]
        key = (pid, started)
        if key not in seen:
            which = kind(pid)
            if which is None:
                continue
            seen[key] = [which, 0]
        which, counted = seen[key]
        totals[which] = totals.get(which, 0) + (ticks - counted) / HZ
        seen[key][1] = ticks


def stop(*_):
    look()
    print(json.dumps({k: round(v, 1) for k, v in sorted(totals.items(), key=lambda kv: -kv[1])}),
          'total', round(sum(totals.values()), 1))
    sys.exit(0)


signal.signal(signal.SIGTERM, stop)
while True:
    look()
    time.sleep(5)
