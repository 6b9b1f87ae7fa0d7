#!/usr/bin/env python3
"""Time between a security's data points in LEAN tick files, for reading an order-latency sweep.

    scripts/tick-intervals.py TICK_FOLDER [FIRST_DAY LAST_DAY] [--from HH:MM --to HH:MM]

TICK_FOLDER is one security's LEAN tick folder (e.g. data/crypto/coinbase/tick/mmcusd or
../shared/data/lean/equity/usa/tick/ibm) holding <yyyymmdd>_quote.zip and <yyyymmdd>_trade.zip; the days are
yyyymmdd, inclusive (default: every day in the folder); --from/--to keep the ticks within that time of day
(exchange time, e.g. 09:30 to 16:00 for the regular hours of a US equity). Quote and trade ticks are merged, as
LEAN's time slices merge them; ticks at the same millisecond are one data point. A request with latency L takes
effect at the security's first data point at least L after it was sent (issue 9 §2), so the gaps between data points
say how far apart 1, 10 and 50 ms act: printed are the number of data points, the median and mean gap, and the share
of gaps of at most 1, 10 and 50 ms (a gap longer than L means the request waits for the next data point anyway).
"""
import argparse
import glob
import os
import statistics
import zipfile


def milliseconds(folder, day, start, end):
    """The distinct millisecond times of one day's quote and trade ticks within [start, end) ms of the day."""
    times = set()
    for kind in ("quote", "trade"):
        path = os.path.join(folder, f"{day}_{kind}.zip")
        if not os.path.exists(path):
            continue
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                for line in archive.read(name).decode().splitlines():
                    if line:
                        ms = int(float(line.split(",", 1)[0]))
                        if start <= ms < end:
                            times.add(ms)
    return sorted(times)


def clock(text):
    hours, minutes = text.split(":")
    return (int(hours) * 60 + int(minutes)) * 60_000


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder")
    parser.add_argument("days", nargs="*", help="first and last day, yyyymmdd")
    parser.add_argument("--from", dest="start", default="00:00")
    parser.add_argument("--to", dest="end", default="24:00")
    args = parser.parse_args()
    days = sorted({os.path.basename(p)[:8] for p in glob.glob(os.path.join(args.folder, "*_quote.zip"))})
    if args.days:
        days = [d for d in days if args.days[0] <= d <= args.days[-1]]
    gaps = []
    for day in days:
        times = milliseconds(args.folder, day, clock(args.start), clock(args.end))
        gaps.extend(b - a for a, b in zip(times, times[1:]))  # within a day: no overnight gap
    if not gaps:
        raise SystemExit("tick-intervals.py: no ticks")
    share = lambda limit: 100.0 * sum(g <= limit for g in gaps) / len(gaps)
    print(f"{args.folder} {days[0]}..{days[-1]} {args.start}-{args.end}: {len(gaps) + len(days):,} data points, "
          f"gap median {statistics.median(gaps):,.0f} ms, mean {statistics.fmean(gaps):,.0f} ms; "
          f"gaps <= 1 ms {share(1):.1f} %, <= 10 ms {share(10):.1f} %, <= 50 ms {share(50):.1f} %")


if __name__ == "__main__":
    main()
