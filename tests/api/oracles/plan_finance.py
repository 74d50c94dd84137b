"""P4 营业收入各项指标分析, independently of the product: the finance ledger read from the SQLite
database with pandas and the page's figures computed from shared/METRICS.md P4 and
docs/metrics.md (never from the product's answers).

usage: plan_finance.py DB AS_OF  → JSON {history, months, ytd, correlation, forecast_months}
"""
import json
import sqlite3
import sys

import numpy as np
import pandas as pd

LINES = ['revenue', 'cost_of_sales', 'gross_profit', 'selling_expense', 'admin_expense', 'finance_expense',
         'other_income', 'operating_profit']
RAW = ['revenue', 'cost_of_sales', 'selling_expense', 'admin_expense', 'finance_expense', 'other_income']


def num(x):
    return None if x is None or pd.isna(x) else float(x)


def main(db, as_of):
    as_of = pd.Timestamp(as_of)
    con = sqlite3.connect(f'file:{db}?mode=ro', uri=True)
    ledger = pd.read_sql('SELECT * FROM finance_months', con)
    con.close()
    ledger['period'] = pd.PeriodIndex(ledger['month'], freq='M')
    # Complete at as_of: the month's last day is on or before as_of.
    ledger = ledger[ledger['period'].dt.end_time.dt.normalize() <= as_of]
    ledger = ledger.groupby('period')[RAW].sum()
    if len(ledger):
        ledger = ledger.reindex(pd.period_range(ledger.index.min(), ledger.index.max(), freq='M'), fill_value=0)
    f = ledger.astype('int64')
    f['gross_profit'] = f['revenue'] - f['cost_of_sales']
    f['operating_profit'] = (f['gross_profit'] - f['selling_expense'] - f['admin_expense'] - f['finance_expense']
                             + f['other_income'])
    rev = f['revenue'].astype(float).replace(0, np.nan)
    months = []
    for p, row in f.iterrows():
        m = {'month': str(p), **{k: int(row[k]) for k in LINES}}
        m['gross_margin'] = num(row['gross_profit'] / rev[p])
        m['operating_margin'] = num(row['operating_profit'] / rev[p])
        months.append(m)

    # YTD: January .. the last complete month, when it is in as_of's year; against a year earlier.
    ytd = {'first': None, 'last': None, 'lines': []}
    sums_now = {k: 0 for k in LINES}
    sums_ly = {k: 0 for k in LINES}
    if len(f) and f.index.max().year == as_of.year:
        last = f.index.max()
        first = pd.Period(f'{as_of.year}-01', freq='M')
        ytd['first'], ytd['last'] = str(first), str(last)
        now = f[(f.index >= first) & (f.index <= last)]
        ly = f[(f.index >= first - 12) & (f.index <= last - 12)]
        sums_now = {k: int(now[k].sum()) for k in LINES}
        sums_ly = {k: int(ly[k].sum()) for k in LINES}
    for k in LINES:
        a, b = sums_now[k], sums_ly[k]
        ytd['lines'].append({'code': k, 'ytd': a, 'last_ytd': b, 'growth': (a - b) / abs(b) if b else None})

    def margin(s, k):
        return s[k] / s['revenue'] if s['revenue'] else None
    ytd['gross_margin'] = margin(sums_now, 'gross_profit')
    ytd['gross_margin_ly'] = margin(sums_ly, 'gross_profit')
    ytd['operating_margin'] = margin(sums_now, 'operating_profit')
    ytd['operating_margin_ly'] = margin(sums_ly, 'operating_profit')

    # YoY growth over |a year earlier| in the last 24 months; Pearson r pairwise over the months
    # where both are defined (≥ 3, neither constant); the latest month's deviations from the means.
    base = f.shift(12)
    growth = ((f - base) / base.abs()).where(base.notna() & (base != 0))
    window = growth.iloc[-24:]
    corr = {'first': str(window.index.min()) if len(window) else None,
            'last': str(window.index.max()) if len(window) else None, 'pairs': []}
    for i, a in enumerate(LINES):
        for b in LINES[i + 1:]:
            both = window[[a, b]].dropna().astype(float)
            r = None
            if len(both) >= 3 and both[a].std(ddof=0) > 0 and both[b].std(ddof=0) > 0:
                r = float(np.corrcoef(both[a], both[b])[0, 1])
            direction = 'none' if r is None else 'together' if r >= 0.6 else 'opposite' if r <= -0.6 else 'none'
            la = num(window[a].iloc[-1]) if len(window) else None
            lb = num(window[b].iloc[-1]) if len(window) else None
            broken = False
            if direction != 'none' and la is not None and lb is not None:
                prod = (la - both[a].mean()) * (lb - both[b].mean())
                broken = bool(prod < 0) if direction == 'together' else bool(prod > 0)
            corr['pairs'].append({'a': a, 'b': b, 'r': r, 'points': int(len(both)), 'direction': direction,
                                  'latest_a': la, 'latest_b': lb, 'broken': broken})

    # The forecast's months: after as_of's month up to December; in December, the next January.
    nxt = pd.Period(as_of, freq='M') + 1
    dec = pd.Period(f'{as_of.year}-12', freq='M')
    forecast_months = [str(p) for p in pd.period_range(nxt, max(nxt, dec), freq='M')] if len(f) else []
    history = {'first': str(f.index.min()) if len(f) else None, 'last': str(f.index.max()) if len(f) else None}
    json.dump({'history': history, 'months': months, 'ytd': ytd, 'correlation': corr,
               'forecast_months': forecast_months}, sys.stdout)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
