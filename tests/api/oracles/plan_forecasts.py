"""P5 forecast oracle: pandas from the SQLite database, from shared/METRICS.md P5 alone (never
from the product's answers). For a scope (all | region:ID | rep:ID) it prints as JSON:
  submissions for --month: per rep the counted forecast (last submitted before 00:00 Beijing time
    on the lock day), the latest submission, its time and count, the sales target; who of the
    employed reps has none counted;
  accuracy at --as-of: per rep over the last --months complete months (pairs of months the rep
    was employed and forecast: WAPE = sum|A-F| / sum A, accuracy = max(0, 1 - WAPE),
    bias = sum(F-A) / sum A), the ranking, the scope's figures, and by month (12 complete months,
    then as_of's and 3 more) the forecast, target, actual and accuracy."""
import argparse
import json
import sqlite3
from datetime import date, datetime, timedelta, timezone

import pandas as pd

BEIJING = timezone(timedelta(hours=8))

p = argparse.ArgumentParser()
p.add_argument('db')
p.add_argument('--as-of', required=True)
p.add_argument('--month', required=True)
p.add_argument('--scope', default='all')
p.add_argument('--lock-day', type=int, default=3)
p.add_argument('--months', type=int, default=6)
a = p.parse_args()

con = sqlite3.connect(f'file:{a.db}?mode=ro', uri=True)
regions = pd.read_sql('SELECT id, parent FROM regions', con)
reps = pd.read_sql('SELECT id, region, hire_date, leave_date FROM reps ORDER BY id', con)
contracts = pd.read_sql('SELECT rep, signed_date, amount FROM contracts', con)
forecasts = pd.read_sql('SELECT id, month, rep, value, submitted_at FROM forecasts', con)
targets = pd.read_sql("SELECT month, owner_kind, owner_id, value FROM targets WHERE metric = 'sales'", con)
con.close()

parent = dict(zip(regions.id, regions.parent))


def in_subtree(r, root):
    while r is not None and not pd.isna(r):
        if int(r) == root:
            return True
        r = parent.get(int(r))
    return False


kind, _, ident = a.scope.partition(':')
if kind == 'region':
    seen = [int(x) for x, r in zip(reps.id, reps.region) if in_subtree(r, int(ident))]
    owner = ('region', int(ident))
elif kind == 'rep':
    seen = [int(ident)]
    owner = ('rep', int(ident))
else:
    seen = [int(x) for x in reps.id]
    owner = ('company', 0)
root = [int(x) for x in regions.id[regions.parent.isna() | (regions.parent == 0)]]
if owner[0] == 'region' and owner[1] in root:
    owner = ('company', 0)

as_of = date.fromisoformat(a.as_of)


def month_add(m, k):
    y, mo = int(m[:4]), int(m[5:7]) - 1 + k
    return f'{y + mo // 12:04d}-{mo % 12 + 1:02d}'


def first_day(m):
    return date(int(m[:4]), int(m[5:7]), 1)


def last_day(m):
    return first_day(month_add(m, 1)) - timedelta(days=1)


def midnight_beijing(d):
    return int(datetime(d.year, d.month, d.day, tzinfo=BEIJING).timestamp())


def lock_at(m):
    return midnight_beijing(first_day(m) + timedelta(days=a.lock_day - 1))


rep_info = {int(r.id): r for r in reps.itertuples()}


def employed(rep, m):
    r = rep_info[rep]
    return date.fromisoformat(r.hire_date) <= last_day(m) and (
        r.leave_date is None or pd.isna(r.leave_date) or date.fromisoformat(r.leave_date) >= first_day(m))


fc = forecasts.sort_values(['rep', 'month', 'submitted_at', 'id'])
by_rep_month = {k: g for k, g in fc.groupby(['rep', 'month'])}


def last_before(rep, m, cutoff):
    g = by_rep_month.get((rep, m))
    if g is None:
        return None, 0
    g = g[g.submitted_at < cutoff]
    if g.empty:
        return None, 0
    return g.iloc[-1], len(g)


k = contracts[contracts.rep.isin(seen)].copy()
k = k[k.signed_date <= a.as_of]
k['month'] = k.signed_date.str[:7]
sales = k.groupby(['rep', 'month']).amount.sum().to_dict()
scope_sales = k.groupby('month').amount.sum().to_dict()
tgt = {(r.month, r.owner_kind, int(r.owner_id)): int(r.value) for r in targets.itertuples()}

# --- submissions of one month ---
m = a.month
rows, missing = {}, []
emp = sub = total = 0
for rep in seen:
    e = employed(rep, m)
    latest, n = last_before(rep, m, float('inf'))
    if not e and n == 0:
        continue
    counted, _ = last_before(rep, m, lock_at(m))
    rows[str(rep)] = {
        'employed': e,
        'counted': None if counted is None else int(counted.value),
        'latest': None if latest is None else int(latest.value),
        'submitted_at': None if latest is None else datetime.fromtimestamp(int(latest.submitted_at), timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ'),
        'submissions': n,
        'target': tgt.get((m, 'rep', rep)),
    }
    if e:
        emp += 1
        if counted is None:
            missing.append(rep)
        else:
            sub += 1
    if counted is not None:
        total += int(counted.value)


def set_accuracy(pairs):
    if not pairs:
        return {'accuracy': None, 'wape': None, 'bias': None, 'pairs': 0}
    A = sum(x for x, _ in pairs)
    err = sum(abs(x - f) for x, f in pairs)
    if A == 0:
        return {'accuracy': 1.0 if err == 0 else 0.0, 'wape': None, 'bias': None, 'pairs': len(pairs)}
    wape = err / A
    return {'accuracy': max(0.0, 1 - wape), 'wape': wape, 'bias': sum(f - x for x, f in pairs) / A, 'pairs': len(pairs)}


def label(b):
    return None if b is None else 'over_promising' if b > 0 else 'sandbagging' if b < 0 else 'even'


# --- accuracy ---
current = f'{as_of.year:04d}-{as_of.month:02d}'
last = current if last_day(current) <= as_of else month_add(current, -1)
rank_first = month_add(last, -(a.months - 1))
known_until = midnight_beijing(as_of + timedelta(days=1))


def counted_at(rep, mm):
    row, _ = last_before(rep, mm, min(lock_at(mm), known_until))
    return None if row is None else int(row.value)


ranking, all_pairs = [], []
for rep in seen:
    if not (date.fromisoformat(rep_info[rep].hire_date) <= last_day(last) and (
            rep_info[rep].leave_date is None or pd.isna(rep_info[rep].leave_date)
            or date.fromisoformat(rep_info[rep].leave_date) >= first_day(rank_first))):
        continue
    pairs = []
    mm = rank_first
    while mm <= last:
        f = counted_at(rep, mm) if employed(rep, mm) else None
        if f is not None:
            pairs.append((sales.get((rep, mm), 0), f))
        mm = month_add(mm, 1)
    s = set_accuracy(pairs)
    s.update({'rep': rep, 'bias_label': label(s['bias']), 'forecast': sum(f for _, f in pairs), 'actual': sum(x for x, _ in pairs)})
    ranking.append(s)
    all_pairs += pairs
ranking.sort(key=lambda r: (r['accuracy'] is None, -(r['accuracy'] or 0), r['rep']))
for i, r in enumerate(ranking):
    r['rank'] = i + 1 if r['accuracy'] is not None else None
summary = set_accuracy(all_pairs)
summary.update({'bias_label': label(summary['bias']), 'forecast': sum(f for _, f in all_pairs), 'actual': sum(x for x, _ in all_pairs)})

months = []
mm = month_add(last, -11)
while mm <= month_add(current, 3):
    complete = last_day(mm) <= as_of
    pairs, fsum, n = [], None, 0
    for rep in seen:
        if not employed(rep, mm):
            continue
        f = counted_at(rep, mm)
        if f is not None:
            fsum = (fsum or 0) + f
            n += 1
            if complete:
                pairs.append((sales.get((rep, mm), 0), f))
    s = set_accuracy(pairs)
    s.update({'month': mm, 'complete': complete, 'forecast': fsum, 'forecasters': n, 'bias_label': label(s['bias']),
              'target': tgt.get((mm, owner[0], owner[1])), 'actual': int(scope_sales.get(mm, 0))})
    months.append(s)
    mm = month_add(mm, 1)

print(json.dumps({
    'submissions': {'month': m, 'locks_at': datetime.fromtimestamp(lock_at(m), timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ'),
                    'rows': rows, 'not_submitted': missing, 'employed': emp, 'submitted': sub, 'counted_total': total},
    'accuracy': {'window': {'first': rank_first, 'last': last}, 'summary': summary, 'ranking': ranking, 'months': months},
}))
