#!/usr/bin/env python3
"""The Python peer of the benchmark suite: SmartFile calls made with `requests` the way SmartFile's
official Python client (smartfile/client-python) makes them, against the same server as the SDK.

As that client does, every call is a plain `requests.request(...)` with HTTP Basic `auth=`: no
Session, so every call opens a new connection; uploads to v2 use `files=` (multipart, which
`requests` builds in memory); downloads use `stream=True` and `shutil.copyfileobj` from
`response.raw`. v3 PUT (not in the official client) streams the file object as `data=`.

Run by the suite (com.smartfile.benchmarks.PythonPeer); prints one line `RESULT <json>`.
Credentials come from SMARTFILE_API_KEY and SMARTFILE_API_PASSWORD, never the command line.

  requests_peer.py cold --url URL
  requests_peer.py latency --url URL --warmup-s S --calls N
  requests_peer.py throughput --url URL --callers N --warmup-s S --seconds S
  requests_peer.py transfer --op download-discard|download-file|upload-put|upload-multipart
                   --base URL --remote NAME --local FILE --fsync 0|1 [--warmup-remote NAME --warmup-local FILE]
"""
import argparse
import json
import os
import resource
import shutil
import sys
import threading
import time

FOLDER = "bench"
T0 = time.perf_counter()


def auth():
    return (os.environ["SMARTFILE_API_KEY"], os.environ["SMARTFILE_API_PASSWORD"])


def peak_rss_bytes():
    # VmHWM is this process's own peak; getrusage's ru_maxrss survives exec and would report the parent JVM's.
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def emit(result):
    result["python"] = sys.version.split()[0]
    result["peakRssBytes"] = peak_rss_bytes()
    print("RESULT " + json.dumps(result), flush=True)


def info(requests, url, creds):
    r = requests.request("GET", url, auth=creds)
    r.raise_for_status()
    return r.json()


def percentile(sorted_values, p):
    if not sorted_values:
        return 0.0
    rank = max(1, min(len(sorted_values), int(-(-p * len(sorted_values) // 100))))
    return sorted_values[rank - 1]


def cold(a):
    # From before `import requests` to the first answer parsed: what a fresh script pays beyond the interpreter.
    start = time.perf_counter()
    import requests
    imported = time.perf_counter()
    info(requests, a.url, auth())
    done = time.perf_counter()
    # CPU of the whole process (interpreter start included), comparable with the JVM's process CPU.
    emit({"firstCallMillis": (done - start) * 1e3, "importMillis": (imported - start) * 1e3,
          "sinceInterpreterStartMillis": (done - T0) * 1e3, "processCpuMillis": time.process_time() * 1e3,
          "modulesLoaded": len(sys.modules)})


def latency(a):
    import requests
    creds = auth()
    end = time.perf_counter() + a.warmup_s
    while time.perf_counter() < end:
        info(requests, a.url, creds)
    times = []
    for _ in range(a.calls):
        t = time.perf_counter()
        info(requests, a.url, creds)
        times.append((time.perf_counter() - t) * 1e6)
    times.sort()
    emit({"calls": len(times), "median": percentile(times, 50), "p90": percentile(times, 90),
          "p99": percentile(times, 99), "unit": "us"})


def throughput(a):
    import requests
    import urllib3.connection
    creds = auth()
    # Every connection is charged to the phase of the call that opened it, so the figure is exact however the
    # phase boundaries fall: a call that started in the warm-up and connects after it ended is not counted.
    current = threading.local()
    lock = threading.Lock()
    original = urllib3.connection.HTTPConnection.connect
    connections = {"warmup": 0, "measured": 0}

    def counting_connect(self):
        with lock:
            connections[current.phase] += 1
        return original(self)

    urllib3.connection.HTTPConnection.connect = counting_connect
    state = {"phase": "warmup"}
    counts = {"warmup": 0, "measured": 0, "errors": 0}
    snapshot = {}
    first_error = [None]

    def caller():
        while True:
            phase = state["phase"]
            if phase == "done":
                return
            current.phase = phase
            try:
                info(requests, a.url, creds)
                with lock:
                    counts[phase] += 1
            except Exception as e:  # counted, reported
                with lock:
                    if phase == "measured":
                        counts["errors"] += 1
                    if first_error[0] is None:
                        first_error[0] = type(e).__name__ + ": " + str(e)

    threads = [threading.Thread(target=caller, daemon=True) for _ in range(a.callers)]
    for t in threads:
        t.start()
    time.sleep(a.warmup_s)
    with lock:
        state["phase"] = "measured"
    start = time.perf_counter()
    time.sleep(a.seconds)
    with lock:
        state["phase"] = "done"
        elapsed = time.perf_counter() - start
        snapshot["measured"] = counts["measured"]
    for t in threads:
        t.join(30)
    # The rate counts calls finished inside the window; the connection figures count every call started in it,
    # including the ones still in flight when it closed, so that connectionsOpened / measuredCallsStarted is exact.
    emit({"callers": a.callers, "callsPerSecond": snapshot["measured"] / elapsed, "calls": snapshot["measured"],
          "errors": counts["errors"], "measuredCallsStarted": counts["measured"] + counts["errors"],
          "connectionsOpened": connections["measured"], "firstError": first_error[0]})


def transfer_once(requests, a, creds, remote, local):
    op = a.op
    if op.startswith("download"):
        url = a.base + "api/2/path/data/" + FOLDER + "/" + remote + "/"
        with requests.request("GET", url, auth=creds, stream=True) as r:
            r.raise_for_status()
            target = os.devnull if op == "download-discard" else local
            with open(target, "wb") as f:
                shutil.copyfileobj(r.raw, f)
                if op == "download-file" and a.fsync:
                    f.flush()
                    os.fsync(f.fileno())
                n = f.tell() if op == "download-file" else int(r.raw.tell())
        return n
    size = os.path.getsize(local)
    with open(local, "rb") as f:
        if op == "upload-put":
            r = requests.request("PUT", a.base + "api/3/path/data/" + FOLDER + "/" + remote, auth=creds, data=f)
        elif op == "upload-multipart":
            r = requests.request("POST", a.base + "api/2/path/data/" + FOLDER + "/", auth=creds, files={"file": f})
        else:
            raise SystemExit("unknown --op " + op)
    r.raise_for_status()
    return size


def transfer(a):
    # The cold figure (the warm-up) counts `import requests` too, as the SDK's counts building its client.
    t = time.perf_counter()
    import requests
    creds = auth()
    result = {"client": "python", "op": a.op}
    if a.warmup_remote:
        n = transfer_once(requests, a, creds, a.warmup_remote, a.warmup_local)
        s = time.perf_counter() - t
        result.update({"warmupBytes": n, "warmupSeconds": s, "warmupBytesPerSecond": n / s})
    t = time.perf_counter()
    n = transfer_once(requests, a, creds, a.remote, a.local)
    s = time.perf_counter() - t
    result.update({"bytes": n, "seconds": s, "bytesPerSecond": n / s})
    emit(result)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=["cold", "latency", "throughput", "transfer"])
    p.add_argument("--url")
    p.add_argument("--base")
    p.add_argument("--warmup-s", type=float, default=1.0)
    p.add_argument("--calls", type=int, default=1000)
    p.add_argument("--callers", type=int, default=1)
    p.add_argument("--seconds", type=float, default=2.0)
    p.add_argument("--op")
    p.add_argument("--remote")
    p.add_argument("--local")
    p.add_argument("--fsync", type=int, default=0)
    p.add_argument("--warmup-remote")
    p.add_argument("--warmup-local")
    a = p.parse_args()
    {"cold": cold, "latency": latency, "throughput": throughput, "transfer": transfer}[a.mode](a)


if __name__ == "__main__":
    main()
