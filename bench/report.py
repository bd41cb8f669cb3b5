"""Turns the JSON files of one bench/run.sh run into report.md, report.json and SVG charts.

Standard library only (no matplotlib on the machines): the charts are SVG written here.
Usage: python3 bench/report.py bench/results
"""
import glob
import html
import json
import math
import os
import sys

OUT = sys.argv[1]


def load(name):
    path = os.path.join(OUT, name)
    if not os.path.exists(path):
        return None
    with open(path) as f:
        text = f.read().strip()
    return json.loads(text) if text else None


COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"]


def bars(filename, title, categories, series, unit, target=None):
    """Grouped bars: categories along x, one bar per series (name -> list of values)."""
    w, h, left, bottom, top = 760, 360, 70, 70, 40
    plot_w, plot_h = w - left - 20, h - top - bottom
    values = [v for vs in series.values() for v in vs if v is not None]
    vmax = max(values + ([target] if target else []) + [1e-9]) * 1.15
    group_w = plot_w / max(1, len(categories))
    bar_w = group_w * 0.8 / max(1, len(series))
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="11">',
           f'<rect width="{w}" height="{h}" fill="white"/>',
           f'<text x="{w / 2}" y="20" text-anchor="middle" font-size="14">{html.escape(title)}</text>']
    for i in range(6):
        v = vmax * i / 5
        y = top + plot_h - plot_h * i / 5
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{w - 20}" y2="{y:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 5}" y="{y + 4:.1f}" text-anchor="end">{v:.3g}</text>')
    out.append(f'<text x="15" y="{top + plot_h / 2}" transform="rotate(-90 15 {top + plot_h / 2})" text-anchor="middle">{html.escape(unit)}</text>')
    for ci, cat in enumerate(categories):
        x0 = left + ci * group_w + group_w * 0.1
        for si, (name, vs) in enumerate(series.items()):
            v = vs[ci]
            if v is None:
                continue
            bh = plot_h * v / vmax
            x = x0 + si * bar_w
            out.append(f'<rect x="{x:.1f}" y="{top + plot_h - bh:.1f}" width="{bar_w * 0.9:.1f}" height="{bh:.1f}" fill="{COLORS[si % 6]}"/>')
            out.append(f'<text x="{x + bar_w * 0.45:.1f}" y="{top + plot_h - bh - 3:.1f}" text-anchor="middle" font-size="9">{v:.3g}</text>')
        out.append(f'<text x="{left + ci * group_w + group_w / 2:.1f}" y="{top + plot_h + 15}" text-anchor="middle">{html.escape(str(cat))}</text>')
    if target:
        y = top + plot_h - plot_h * target / vmax
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{w - 20}" y2="{y:.1f}" stroke="red" stroke-dasharray="6,4"/>')
        out.append(f'<text x="{w - 22}" y="{y - 4:.1f}" text-anchor="end" fill="red">target {target:g}</text>')
    for si, name in enumerate(series):
        x = left + si * 150
        out.append(f'<rect x="{x}" y="{h - 25}" width="12" height="12" fill="{COLORS[si % 6]}"/>')
        out.append(f'<text x="{x + 16}" y="{h - 15}">{html.escape(name)}</text>')
    out.append('</svg>')
    with open(os.path.join(OUT, filename), "w") as f:
        f.write("\n".join(out))


def percentile_lines(filename, title, lines, target=None):
    """Latency by percentile, x on the usual 1/(1-p) log scale; lines: name -> [[p, ms], ...]."""
    w, h, left, bottom, top = 760, 380, 70, 70, 40
    plot_w, plot_h = w - left - 20, h - top - bottom

    def xpos(p):
        p = min(p, 99.99)
        return math.log10(1 / (1 - p / 100))  # 0 .. 4

    vmax = max([ms for pts in lines.values() for _, ms in pts] + [target or 0, 1e-9]) * 1.1
    log_y = vmax > 200
    ymin = 0.1

    def ypos(ms):
        if log_y:
            return top + plot_h - plot_h * (math.log10(max(ms, ymin)) - math.log10(ymin)) / (math.log10(vmax) - math.log10(ymin))
        return top + plot_h - plot_h * ms / vmax

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="11">',
           f'<rect width="{w}" height="{h}" fill="white"/>',
           f'<text x="{w / 2}" y="20" text-anchor="middle" font-size="14">{html.escape(title)}</text>']
    for p in [0, 50, 90, 99, 99.9, 99.99]:
        x = left + plot_w * xpos(p) / 4
        out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + plot_h}" stroke="#ddd"/>')
        out.append(f'<text x="{x:.1f}" y="{top + plot_h + 15}" text-anchor="middle">p{p:g}</text>')
    ticks = [0.1, 1, 10, 100, 1000, 10000, 100000] if log_y else [vmax * i / 5 for i in range(6)]
    for v in ticks:
        if v > vmax:
            continue
        y = ypos(v)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{w - 20}" y2="{y:.1f}" stroke="#eee"/>')
        out.append(f'<text x="{left - 5}" y="{y + 4:.1f}" text-anchor="end">{v:.3g}</text>')
    out.append(f'<text x="15" y="{top + plot_h / 2}" transform="rotate(-90 15 {top + plot_h / 2})" text-anchor="middle">ms{" (log)" if log_y else ""}</text>')
    for i, (name, pts) in enumerate(lines.items()):
        d = " ".join(f'{"M" if j == 0 else "L"}{left + plot_w * xpos(p) / 4:.1f},{ypos(ms):.1f}' for j, (p, ms) in enumerate(pts))
        out.append(f'<path d="{d}" fill="none" stroke="{COLORS[i % 6]}" stroke-width="2"/>')
        out.append(f'<rect x="{left + i * 170}" y="{h - 25}" width="12" height="12" fill="{COLORS[i % 6]}"/>')
        out.append(f'<text x="{left + i * 170 + 16}" y="{h - 15}">{html.escape(name)}</text>')
    if target:
        y = ypos(target)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{w - 20}" y2="{y:.1f}" stroke="red" stroke-dasharray="6,4"/>')
        out.append(f'<text x="{w - 22}" y="{y - 4:.1f}" text-anchor="end" fill="red">target {target:g} ms</text>')
    out.append('</svg>')
    with open(os.path.join(OUT, filename), "w") as f:
        f.write("\n".join(out))


def verdict(ok):
    return "met" if ok else "**missed**"


machine = load("machine.json") or {}
report = {"machine": machine, "targets": []}
md = ["# Benchmark report", "",
      "Made by `bench/run.sh` (see docs/operations.md, *Benchmark*). Service, PostgreSQL and the load generators share one "
      f"{machine.get('cpus', '?')}-core machine. Each measured run lasts {machine.get('duration_s', '?')} s.", "",
      f"- load average (1, 5, 15 min) before the run: **{machine.get('load_before', '?')}**, after: **{machine.get('load_after', '?')}**",
      f"- PostgreSQL {machine.get('postgres', '?')}, {machine.get('wrk', '')}, kernel {machine.get('kernel', '?')}", ""]
if machine.get("note"):
    md += [machine["note"], ""]


def target(name, value, goal, ok, unit=""):
    report["targets"].append({"target": name, "value": value, "goal": goal, "met": ok})
    return f"| {name} | {value}{unit} | {goal} | {verdict(ok)} |"


rows = ["| target | measured | goal | |", "|---|---|---|---|"]

# 1. status read
closed = load("status-closed-10k.json")
closed_res = load("status-closed-10k.resources.json")
opens = {}
for path in sorted(glob.glob(os.path.join(OUT, "status-open-10k-*.json")), key=lambda p: int(p.rsplit("-", 1)[1][:-5])):
    d = load(os.path.basename(path))
    opens[d["rate"]] = d
if closed:
    rows.append(target("status read, closed loop, 64 connections", f'{closed["rps"]:.0f}', "≥ 12 000 req/s", closed["rps"] >= 12000, " req/s"))
bare = load("status-bare-floor.json")
if closed and bare:
    floor_ratio = closed["rps"] / max(bare["rps"], 1e-9)
    rows.append(target("status read vs the bare Vert.x + reactive PG floor, same run", f'{floor_ratio:.2f} ({closed["rps"]:.0f} vs {bare["rps"]:.0f} req/s)',
                       "≥ 0.6", floor_ratio >= 0.6))
if rounds := load("status-floor-rounds.json"):
    rows.append(target("status read vs the floor, median of three alternating rounds",
                       f'{rounds["median_ratio"]:.2f} (' + ", ".join(f'{r["service_rps"]:.0f}/{r["floor_rps"]:.0f}' for r in rounds["rounds"]) + " req/s)",
                       "≥ 0.6", rounds["median_ratio"] >= 0.6))
if (sustained_res := load("journey-sustained.resources.json")) and "jit_ms_per_journey" in sustained_res:
    rows.append(target("service CPU per completed journey, sustained, JIT compiler threads apart",
                       f'{sustained_res["service_cpu_ms_per_journey_without_jit"]} ms (JIT {sustained_res["jit_ms_per_journey"]} ms more)',
                       "≤ 30 ms", sustained_res["service_cpu_ms_per_journey_without_jit"] <= 30))
if journey_admitted := load("journey.json"):
    if "completed_of_admitted" in journey_admitted:
        rows.append(target("journeys at 100/s: completed of those let in; failed after payment",
                           f'{100 * journey_admitted["completed_of_admitted"]:.1f} %; {journey_admitted["failed_after_payment"]}',
                           "≥ 99 %; 0", journey_admitted["completed_of_admitted"] >= 0.99 and journey_admitted["failed_after_payment"] == 0))
if 2000 in opens:
    p99 = opens[2000]["latency"]["p99_ms"]
    rows.append(target("status read p99 at 2 000 req/s (open loop)", f"{p99:.1f}", "≤ 20 ms", p99 <= 20 and opens[2000]["latency"]["errors"] == 0, " ms"))
login = load("login.json")
journey = load("journey.json")
if journey:
    rows.append(target("complete mobile journeys per second, no errors (refusals at the door are not errors)",
                       f'{journey["completed_per_s"]} ({journey["errors"]} errors, {journey.get("refused_at_door", 0)} refused at the door)',
                       "≥ 100 /s, 0 errors", journey["completed_per_s"] >= 100 and journey["errors"] == 0, ""))
s10, s1m = load("scale-10000.json"), load("scale-1000000.json")
if s10 and s1m:
    ratio = s1m["latency"]["p99_ms"] / max(s10["latency"]["p99_ms"], 1e-9)
    rows.append(target("status p99 with 1 M applications vs 10 k", f'{s1m["latency"]["p99_ms"]:.1f} vs {s10["latency"]["p99_ms"]:.1f} ms (×{ratio:.2f})',
                       "≤ 1.5×", ratio <= 1.5))
res = {n: load(f"resources-{n}.summary.json") for n in ["jdk17", "jdk17-container", "jdk17-appcds", "jdk17-token-cache-off",
                                                        "jdk17-access-log", "jdk25", "jdk25-aot", "jdk25-container-aot"]}
res = {k: v for k, v in res.items() if v}
for name, r in res.items():
    if name.endswith("cache-off") or name.endswith("access-log"):
        continue
    median = sorted(r["start_to_ready_ms"])[len(r["start_to_ready_ms"]) // 2]
    rows.append(target(f"start-to-ready, {name}", f"{median} ms (median of {r['start_to_ready_ms']})", "≤ 2 000 ms", median <= 2000))
    if "container" in name:
        rows.append(target(f"peak RSS under the status-read load, 512 MiB container settings, {name}", f"{r['peak_rss_mb']:.0f}",
                           "≤ 250 MB", r["peak_rss_mb"] <= 250, " MB"))
md += ["## Targets", ""] + rows + [""]

md += ["## 1. Status read: `GET /applications/{id}`", ""]
if closed:
    md += [f"Closed loop (wrk, 2 threads, 64 connections, tokens of 10 000 different citizens): **{closed['rps']:.0f} req/s**, "
           f"latency p50 {closed['latency_ms']['p50']:.2f} ms, p90 {closed['latency_ms']['p90']:.2f} ms, p99 {closed['latency_ms']['p99']:.2f} ms, "
           f"max {closed['latency_ms']['max']:.1f} ms; errors: {closed['errors_status']} status, {closed['errors_timeout']} timeouts."]
    if closed_res:
        md += [f"The service used {closed_res['service_cpu_cores']} cores meanwhile (of 2, shared with PostgreSQL and wrk), "
               f"RSS {closed_res['rss_mb']} MB."]
    md += [""]
    per = (closed_res or {}).get("us_per_request")
    if per:
        md += ["Where the machine's CPU went, per status read (µs of CPU time, from `/proc` during the same run):", "",
               "| service | PostgreSQL | wrk | other | whole machine |", "|---|---|---|---|---|",
               f"| {per['service']} | {per['postgres']} | {per['wrk']} | {per['other']} | {per['machine']} |", "",
               f"At 12 000 req/s two cores allow {2e6 / 12000:.0f} µs per request for everything together.", ""]
if opens:
    md += ["Open loop (fixed arrival rate; latency counted from when each request was due, so a stall is not hidden):", "",
           "| rate | achieved | p50 | p90 | p95 | p99 | p99.9 | max | errors |", "|---|---|---|---|---|---|---|---|---|"]
    for rate, d in opens.items():
        l = d["latency"]
        md.append(f"| {rate}/s | {d['achieved_rps']}/s | {l['p50_ms']:.2f} | {l['p90_ms']:.2f} | {l['p95_ms']:.2f} | {l['p99_ms']:.2f} | {l['p99_9_ms']:.2f} | {l['max_ms']:.1f} | {l['errors']} |")
    percentile_lines("status-open.svg", "Status read, open loop: latency by percentile", {f"{r}/s": d["distribution"] for r, d in opens.items()}, target=20)
    md += ["", "![status read latency](status-open.svg)", ""]

md += ["## 2. Login: OTP request, SMS read, verify", ""]
if login:
    st = login["steps"]
    # A 503 SERVICE_BUSY at the code request is the admission door refusing a new journey, not a failure.
    busy = sum(n for kind, n in login["login"].get("error_kinds", {}).items() if "service-busy" in kind)
    md += [f"Closed loop, {login['concurrency']} logins at a time, a new citizen each: **{login['logins_per_s']} logins/s** "
           f"({login['logins']} in {login['elapsed_s']} s, {login['errors'] - busy} errors, {busy} refused at the door with 503 SERVICE_BUSY). "
           f"Whole login p50 {login['login']['p50_ms']:.1f} ms, "
           f"p99 {login['login']['p99_ms']:.1f} ms.", "",
           "| step | p50 | p95 | p99 | max | errors |", "|---|---|---|---|---|---|"]
    for name, l in st.items():
        md.append(f"| {name} | {l['p50_ms']:.1f} | {l['p95_ms']:.1f} | {l['p99_ms']:.1f} | {l['max_ms']:.1f} | {l['errors']} |")
    md += [""]

md += ["## 3. The full mobile journey", ""]
sustained = load("journey-sustained.json")
if sustained:
    sr = load("journey-sustained.resources.json") or {}
    md += [f"**Sustained rate.** {sustained['rate']} journeys started per second for {sustained['seconds']} s after a warm-up: "
           f"**{sustained['completed']} of {sustained['started']} completed, {sustained['errors']} errors**, whole journey p50 "
           f"{sustained['journey']['p50_ms']:.0f} ms, p99 {sustained['journey']['p99_ms']:.0f} ms"
           + (f"; service CPU {sr.get('service_cpu_ms_per_journey')} ms per completed journey ({sr.get('service_cpu_cores')} cores)" if sr else "") + ".",
           ""]
    if "by_thread_ms_per_journey" in sr:
        md += [f"Of the service's CPU per completed journey, by thread (ms, from `/proc/<pid>/task/*/stat`): "
               + ", ".join(f"{k} {v}" for k, v in sr["by_thread_ms_per_journey"].items())
               + f". Without the JIT compiler threads: **{sr['service_cpu_ms_per_journey_without_jit']} ms**.", ""]
    md += ["",
           "| step | p50 | p95 | p99 | max | errors |", "|---|---|---|---|---|---|"]
    for name, l in sustained["steps"].items():
        md.append(f"| {name} | {l['p50_ms']:.1f} | {l['p95_ms']:.1f} | {l['p99_ms']:.1f} | {l['max_ms']:.1f} | {l['errors']} |")
    if sustained["journey"].get("error_kinds"):
        md += ["", "Errors: " + ", ".join(f"`{k}` ×{v}" for k, v in sustained["journey"]["error_kinds"].items())]
    md += ["", "**Target rate.**", ""]
if journey:
    jr = load("journey.resources.json")
    md += [f"{journey['rate']} journeys started per second for {journey['seconds']} s (open loop), each a new citizen: login (OTP, SMS, verify), "
           "Face ID key enrolment, application, reference photo and face match, questionnaire, invoice, the bank's payment, "
           f"signing challenge, Face ID confirmation. **{journey['completed']} of {journey['started']} completed, "
           f"{journey['completed_per_s']} journeys/s over the {journey['seconds']} s of arrivals, {journey['errors']} errors**, "
           f"the last finishing {journey.get('drain_s', '?')} s after the last arrival; whole journey p50 {journey['journey']['p50_ms']:.0f} ms, "
           f"p99 {journey['journey']['p99_ms']:.0f} ms." + (f" Service CPU {jr['service_cpu_cores']} cores, RSS {jr['rss_mb']} MB." if jr else ""), ""]
    if journey["journey"].get("error_kinds"):
        md += ["Errors: " + ", ".join(f"`{k}` ×{v}" for k, v in journey["journey"]["error_kinds"].items()), ""]
    md += ["| step | p50 | p95 | p99 | max | errors |", "|---|---|---|---|---|---|"]
    for name, l in journey["steps"].items():
        md.append(f"| {name} | {l['p50_ms']:.1f} | {l['p95_ms']:.1f} | {l['p99_ms']:.1f} | {l['max_ms']:.1f} | {l['errors']} |")
    names = list(journey["steps"].keys())
    bars("journey-steps.svg", "Mobile journey: latency per step (ms)", names,
         {"p50": [journey["steps"][n]["p50_ms"] for n in names], "p95": [journey["steps"][n]["p95_ms"] for n in names],
          "p99": [journey["steps"][n]["p99_ms"] for n in names]}, "ms")
    md += ["", "![journey steps](journey-steps.svg)", ""]

md += ["## 4. Scale: 10 000 and 1 000 000 applications", ""]
if s10 and s1m:
    db = load("scale-db.json") or {}
    c10, c1m = load("scale-closed-10000.json"), load("scale-closed-1000000.json")
    md += [f"Status reads at 2 000/s (open loop) over tokens of 10 000 citizens spread over the whole table; "
           f"database at the end: {db.get('applications', '?')} applications, {db.get('events', '?')} history rows, {db.get('db_size_mb', '?')} MB.", "",
           "| applications | p50 | p95 | p99 | max | closed-loop req/s |", "|---|---|---|---|---|---|"]
    for n, d, c in [(10000, s10, c10), (1000000, s1m, c1m)]:
        l = d["latency"]
        md.append(f"| {n:,} | {l['p50_ms']:.2f} | {l['p95_ms']:.2f} | {l['p99_ms']:.2f} | {l['max_ms']:.1f} | {c['rps'] if c else '?'} |")
    percentile_lines("scale.svg", "Status read at 2 000/s: 10 k vs 1 M applications",
                     {"10 000": s10["distribution"], "1 000 000": s1m["distribution"]})
    md += ["", "![scale](scale.svg)", ""]

md += ["## 5. Resources: JDK 17, JDK 25, JDK 25 with an AOT cache", ""]
if res:
    md += ["Start-to-ready: from the `java` command to the first `200` of `/q/health/ready` (three starts each, database already migrated). "
           "RSS and CPU during a closed-loop status-read run.", "",
           "`jdk17-token-cache-off` is JDK 17 with `IDCARD_JWT_VERIFIED_CACHE_SIZE=0`: every request checks its token's ES256 signature, as before the cache. "
           "`jdk17-access-log` is JDK 17 with `IDCARD_ACCESS_LOG=true`: a JSON access-log line per request. "
           "The `-container` rows run the 512 MiB settings of `deploy/k8s`, without Flyway as the replicas do; a token cache "
           "other than the default 20 000 is named beside the JVM (`bench/container-heap.sh` compares cache sizes and populations).", "",
           "| JVM | start-to-ready (ms) | idle RSS | peak RSS | CPU under load | service CPU per status read | status req/s |", "|---|---|---|---|---|---|---|"]
    for name, r in res.items():
        cache = f", token cache {r['token_cache']}" if r.get("token_cache", 20000) != 20000 else ""
        md.append(f"| {name} ({r['java']}{cache}) | {r['start_to_ready_ms']} | {r['idle_rss_mb']} MB | {r['peak_rss_mb']} MB | {r['cpu_cores_under_load']} cores | {r.get('cpu_us_per_request', '?')} µs | {r['rps']} |")
    names = list(res.keys())
    bars("resources-start.svg", "Start-to-ready (median of 3, ms)", names, {"start-to-ready": [sorted(res[n]["start_to_ready_ms"])[len(res[n]["start_to_ready_ms"]) // 2] for n in names]}, "ms", target=2000)
    bars("resources-rss.svg", "Peak RSS under load (MB)", names, {"peak RSS": [res[n]["peak_rss_mb"] for n in names]}, "MB", target=250)
    md += ["", "![start](resources-start.svg) ![rss](resources-rss.svg)", ""]

md += ["## 6. Scale out: two instances, one PostgreSQL, nginx in front", ""]
otp = load("scaleout-otp.json")
alt = load("scaleout-journey-alternating.json")
two, one = load("scaleout-status-2-instances.json"), load("scaleout-status-1-instance.json")
o2, o1 = load("scaleout-open-2-instances.json"), load("scaleout-open-1-instance.json")
if otp:
    md += [f"- An OTP requested through :{otp['otp_requested_on']} and verified through :{otp['verified_on']}: HTTP **{otp['verify_status']}**."]
if alt:
    md += [f"- {alt['started']} journeys whose steps alternate between the two instances (OTP asked on one, verified on the other, "
           f"and so on): **{alt['completed']} completed, {alt['errors']} errors**, {alt['completed_per_s']} journeys/s, p99 {alt['journey']['p99_ms']:.0f} ms."]
if two and one:
    md += [f"- Status reads through nginx, 64 connections: two instances **{two['rps']:.0f} req/s** (p99 {two['latency_ms']['p99']:.1f} ms), "
           f"one instance {one['rps']:.0f} req/s (p99 {one['latency_ms']['p99']:.1f} ms)."]
    if o2 and o1:
        md += [f"- At 2 000/s through nginx: p99 {o2['latency']['p99_ms']:.1f} ms with two instances, {o1['latency']['p99_ms']:.1f} ms with one."]
    bars("scaleout.svg", "Status read through nginx (req/s, 64 connections)", ["1 instance", "2 instances"],
         {"req/s": [one["rps"], two["rps"]]}, "req/s")
    md += ["", "![scale out](scaleout.svg)", "",
           "On this 2-core machine a second instance cannot add CPU: both instances, PostgreSQL, nginx and wrk share the same two cores, "
           "so the comparison shows that the instances share the work correctly (no state in memory, every journey completes whichever "
           "instance serves each step), not the gain of a second machine. In Kubernetes each replica gets its own CPU (deploy/k8s).", ""]

report["files"] = sorted(os.path.basename(p) for p in glob.glob(os.path.join(OUT, "*.json")) if not p.endswith("report.json"))
with open(os.path.join(OUT, "report.json"), "w") as f:
    json.dump({"report": report, "raw": {n: load(n) for n in report["files"]}}, f, indent=1)
notes = os.path.join(OUT, "NOTES.md")
if os.path.exists(notes):
    md += [open(notes).read()]
with open(os.path.join(OUT, "report.md"), "w") as f:
    f.write("\n".join(md) + "\n")
print("\n".join(rows))
