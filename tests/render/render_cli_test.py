#!/usr/bin/python3
"""`salesloop render` end to end: a demo database, the D3 report of a manager and of the CEO in
zh-CN and en, read back with poppler (pdftotext, pdfinfo) and checked against the database by
SQL of our own (sqlite3): the manager's report names only their region's reps, with each rep's
signed amount of 2026-06-01..15 in the column's unit; PNGs of the pages go to
test-results/render/ to be looked at.  Usage: render_cli_test.py SALESLOOP_BIN OUT_DIR"""
import os, sqlite3, subprocess, sys, tempfile

binary, out_dir = sys.argv[1], sys.argv[2]
os.makedirs(out_dir, exist_ok=True)
work = tempfile.mkdtemp(prefix="sl-render-cli-")
db = os.path.join(work, "demo.db")
subprocess.run([binary, "demo", "--db", db, "--seed", "3", "--scale", "small", "--as-of", "2026-06-15"],
               check=True, capture_output=True)
con = sqlite3.connect(db)
failures = []

def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)

def render(login, lang, name, *params):
    pdf = os.path.join(out_dir, name + ".pdf")
    args = [binary, "render", "--db", db, "--as", login, "--page", "do/progress", "--lang", lang, "--out", pdf,
            "--param", "as_of=2026-06-15"]
    for p in params:
        args += ["--param", p]
    subprocess.run(args, check=True, capture_output=True)
    subprocess.run(["pdftoppm", "-png", "-r", "80", pdf, os.path.join(out_dir, name)], check=True)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", pdf, "-"], check=True,
                          capture_output=True, text=True).stdout
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    return text, info

def group(v, decimals):
    return f"{v:,.{decimals}f}"

region = con.execute("SELECT region FROM users WHERE login = 'mgr.east'").fetchone()[0]
# The region's subtree (level 0..2), its reps and their June signings through the 15th.
tree = {region}
while True:
    more = {r for (r,) in con.execute("SELECT id FROM regions WHERE parent IN (%s)" % ",".join(map(str, tree)))} - tree
    if not more:
        break
    tree |= more
inside = {name: amount for name, amount in con.execute(
    "SELECT r.name, COALESCE(SUM(c.amount), 0) FROM reps r LEFT JOIN contracts c ON c.rep = r.id "
    "AND c.signed_date BETWEEN '2026-06-01' AND '2026-06-15' WHERE r.region IN (%s) GROUP BY r.id" % ",".join(map(str, tree)))}
outside = [n for (n,) in con.execute("SELECT name FROM reps WHERE region NOT IN (%s)" % ",".join(map(str, tree)))]

for lang, title, amount_head in (("zh-CN", "目标达成进度", "金额(万元)"), ("en", "Target progress", "Amount (K yuan)")):
    text, info = render("mgr.east", lang, f"d3-mgr.east-reps-{lang}", "level=rep")
    check(title in text, f"{lang}: title")
    check(amount_head in text, f"{lang}: amount header {amount_head}")
    check("A4" in info, f"{lang}: A4 page")
    lines = text.splitlines()
    listed = 0
    for name, fen in inside.items():
        row = [l for l in lines if l.strip().startswith(name + " ") and any(ch.isdigit() for ch in l)]
        if not row:
            continue  # a rep who had left before June is not listed
        listed += 1
        scale = 1e4 if lang == "zh-CN" else 1e3
        want = "0" if fen == 0 else group(fen / 100 / scale, 1)
        # the last such line is the table's (the chart's axis names the reps first)
        check(f" {want} " in row[-1] + " ", f"{lang}: {name} amount {want} in {row[-1]!r}")
    check(listed > 0, f"{lang}: the region's reps are listed")
    for name in outside:
        check(not any(l.strip().startswith(name + " ") for l in lines), f"{lang}: {name} is outside the scope")

text, _ = render("ceo", "zh-CN", "d3-ceo-regions-zh-CN", "level=region")
total = con.execute("SELECT SUM(amount) FROM contracts WHERE signed_date BETWEEN '2026-06-01' AND '2026-06-15'").fetchone()[0]
check(group(total / 100 / 1e4, 1) + "万" in text, "zh-CN: the company's actual KPI")

# D4 for a rep: the ranking of their own 大区's reps only (the page's peer view): the 大区 is the
# level-1 ancestor of the rep's region, its reps those of the 大区 and its level-2 children.
rep_region = con.execute("SELECT r.region FROM users u JOIN reps r ON r.id = u.rep WHERE u.login = 'rep.east1'").fetchone()[0]
while con.execute("SELECT level FROM regions WHERE id = ?", (rep_region,)).fetchone()[0] > 1:
    rep_region = con.execute("SELECT parent FROM regions WHERE id = ?", (rep_region,)).fetchone()[0]
in_daqu = "SELECT id FROM regions WHERE id = ? OR parent = ?"
peers = {n for (n,) in con.execute(f"SELECT name FROM reps WHERE region IN ({in_daqu})", (rep_region, rep_region))}
others = {n for (n,) in con.execute(f"SELECT name FROM reps WHERE region NOT IN ({in_daqu})", (rep_region, rep_region))} - peers
for lang, title in (("zh-CN", "销售排行"), ("en", "Leaderboard")):
    pdf = os.path.join(out_dir, f"d4-rep.east1-{lang}.pdf")
    subprocess.run([binary, "render", "--db", db, "--as", "rep.east1", "--page", "do/leaderboard", "--lang", lang,
                    "--out", pdf, "--param", "as_of=2026-06-15"], check=True, capture_output=True)
    subprocess.run(["pdftoppm", "-png", "-r", "80", pdf, pdf[:-4]], check=True)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", pdf, "-"], check=True,
                          capture_output=True, text=True).stdout
    check(title in text, f"d4 {lang}: title")
    check(any(n in text for n in peers), f"d4 {lang}: the rep's peers are listed")
    for n in others:
        check(not any(l.split()[1:2] == [n] for l in text.splitlines() if l.split()), f"d4 {lang}: {n} is not a peer")

if failures:
    sys.exit(f"{len(failures)} failures")
print("render cli: ok")
