"""P3 oracle: the opportunity funnel, stage win probabilities, weighted pipeline and the monthly
trend, from the SQLite demo database with pandas (shared/METRICS.md P3; docs/api.md for the
conventions: the cohort is read as it stood on as_of, conversion(s) = reached(s) / reached(s−1),
mean days over stays ended by as_of, p(s) over the trailing 12 months with the company-wide value
below 20 closed). Never reads the product's answers."""
import json
import sqlite3

import pandas as pd

from _c_common import parser

STAGES = ['lead', 'qualified', 'proposal', 'bidding', 'negotiation', 'won']
INDEX = {s: i for i, s in enumerate(STAGES)}
INDEX['lost'] = 6
WON, LOST = 5, 6


def main():
    p = parser('P3 funnel oracle')
    p.add_argument('--first', required=True)
    p.add_argument('--last', required=True)
    p.add_argument('--min-closed', type=int, default=20)
    args = p.parse_args()
    con = sqlite3.connect(f'file:{args.db}?mode=ro', uri=True)
    q = lambda s, **k: pd.read_sql(s, con, **k)
    regions = q('SELECT id, parent FROM regions')
    reps = q('SELECT id, region FROM reps')
    customers = q('SELECT id, industry, size FROM customers')
    opps = q('SELECT id, customer, rep, category, amount, created, expected_close, closed FROM opportunities',
             parse_dates=['created', 'expected_close', 'closed'])
    events = q('SELECT opportunity, seq, stage, date FROM opportunity_stage_events ORDER BY opportunity, seq',
               parse_dates=['date'])
    contracts = q('SELECT id, customer, rep, signed_date, amount FROM contracts', parse_dates=['signed_date'])
    lines = q('SELECT l.contract, l.amount, p.category FROM contract_lines l JOIN products p ON p.id = l.product')
    con.close()
    as_of = pd.Timestamp(args.as_of)

    parent = dict(zip(regions.id, regions.parent))

    def under(r, root):
        while r is not None and not pd.isna(r):
            if int(r) == root:
                return True
            r = parent.get(int(r))
        return False

    kind, _, ident = args.scope.partition(':')
    if kind == 'region':
        seen = set(reps.id[[under(r, int(ident)) for r in reps.region]])
    elif kind == 'rep':
        seen = {int(ident)}
    else:
        seen = set(reps.id)
    cu = customers
    if args.industry:
        cu = cu[cu.industry == args.industry]
    if args.size:
        cu = cu[cu['size'] == args.size]
    passing = set(cu.id)

    # Each opportunity as it stood on as_of: furthest funnel stage, stage and the day it was entered.
    ev = events[events.date <= as_of].copy()
    ev['idx'] = ev.stage.map(INDEX)
    funnel_ev = ev[ev.idx < LOST]
    reached = funnel_ev.groupby('opportunity').idx.max()
    last_ev = ev.groupby('opportunity').tail(1).set_index('opportunity')
    o = opps[opps.created <= as_of].copy().set_index('id')
    o['reached'] = reached.reindex(o.index).fillna(-1).astype(int)
    o['stage'] = last_ev.idx.reindex(o.index)
    o['entered'] = last_ev.date.reindex(o.index)
    o['mine'] = o.rep.isin(seen) & o.customer.isin(passing) & ((o.category == args.category) if args.category else True)

    # Funnel over the cohort.
    last = min(pd.Timestamp(args.last), as_of)
    c = o[o.mine & (o.created >= pd.Timestamp(args.first)) & (o.created <= last)]
    reached_n = [int((c.reached >= k).sum()) for k in range(6)]
    nxt = ev.groupby('opportunity').date.shift(-1)
    stays = ev.assign(next=nxt)
    stays = stays[stays.opportunity.isin(c.index) & stays.next.notna() & (stays.idx < WON)]
    stays = stays.assign(days=(stays.next - stays.date).dt.days)
    mean_days = stays.groupby('idx').days.mean()
    won, lost = int((c.stage == WON).sum()), int((c.stage == LOST).sum())

    # p(s): reached s, closed in [as_of − 364, as_of].
    window = o[o.closed.notna() & (o.closed >= as_of - pd.Timedelta(days=364)) & (o.closed <= as_of)]

    def rates(rows):
        return [(int((rows.reached >= k).sum()), int(((rows.reached >= k) & (rows.stage == WON)).sum())) for k in range(6)]

    mine_r, company_r = rates(window[window.mine]), rates(window)
    probs = []
    for k in range(6):
        closed, w = mine_r[k]
        if closed >= args.min_closed and closed > 0:
            probs.append({'p': w / closed, 'basis': 'scope', 'closed': closed, 'won': w})
        elif company_r[k][0] > 0:
            probs.append({'p': company_r[k][1] / company_r[k][0], 'basis': 'company', 'closed': closed, 'won': w})
        else:
            probs.append({'p': None, 'basis': 'none', 'closed': closed, 'won': w})

    # Weighted pipeline: open on as_of, by expected close month.
    op = o[o.mine & (o.closed.isna() | (o.closed > as_of)) & (o.stage < WON)].copy()
    op['w'] = [a * (probs[int(s)]['p'] or 0.0) for a, s in zip(op.amount, op.stage)]
    op['month'] = op.expected_close.dt.strftime('%Y-%m')
    months = op.groupby('month').agg(count=('w', 'size'), amount=('amount', 'sum'), weighted=('w', 'sum'))
    by_stage = op.groupby('stage').agg(count=('w', 'size'), amount=('amount', 'sum'), weighted=('w', 'sum'))

    # Trend: created and sales per month, from the company's first year.
    first_year = max(min(contracts.signed_date.min().year, opps.created.min().year), as_of.year - 9)
    k = contracts[contracts.rep.isin(seen) & contracts.customer.isin(passing) & (contracts.signed_date <= as_of)]
    if args.category:
        l = lines[(lines.category == args.category) & lines.contract.isin(k.id)]
        k = l.merge(k[['id', 'signed_date']], left_on='contract', right_on='id')
    sales = k.groupby(k.signed_date.dt.strftime('%Y-%m')).amount.sum()
    mo = o[o.mine]
    created = mo.groupby(mo.created.dt.strftime('%Y-%m')).amount.agg(['size', 'sum'])
    years = []
    for y in range(first_year, as_of.year + 1):
        row = {'year': y, 'created': [], 'created_amount': [], 'sales': []}
        for m in range(1, 13):
            key = f'{y:04d}-{m:02d}'
            come = (y, m) <= (as_of.year, as_of.month)
            row['created'].append(int(created['size'].get(key, 0)) if come else None)
            row['created_amount'].append(int(created['sum'].get(key, 0)) if come else None)
            row['sales'].append(int(sales.get(key, 0)) if come else None)
        years.append(row)

    # The list behind each bar: by amount descending, then id.
    lists = {}
    cs = c.reset_index().sort_values(['amount', 'id'], ascending=[False, True])
    for s in range(6):
        rows = cs[cs.reached >= s]
        lists[STAGES[s]] = [
            {'id': int(r.id), 'customer': int(r.customer), 'rep': int(r.rep), 'amount': int(r.amount),
             'created': r.created.strftime('%Y-%m-%d'), 'expected_close': r.expected_close.strftime('%Y-%m-%d'),
             'stage': (STAGES + ['lost'])[int(r.stage)],
             'days_in_stage': int((as_of - r.entered).days) if r.stage < WON else None}
            for r in rows.itertuples()]

    def opt(x):
        return None if pd.isna(x) else float(x)

    print(json.dumps({
        'cohort': {'created': len(c), 'amount': int(c.amount.sum()), 'open': len(c) - won - lost, 'won': won,
                   'lost': lost, 'won_amount': int(c.amount[c.stage == WON].sum())},
        'stages': [{'stage': STAGES[s], 'reached': reached_n[s],
                    'conversion': reached_n[s] / reached_n[s - 1] if s and reached_n[s - 1] else None,
                    'mean_days': opt(mean_days.get(s)), 'win_probability': probs[s]['p'],
                    'probability_basis': probs[s]['basis'], 'closed': probs[s]['closed'],
                    'closed_won': probs[s]['won'],
                    'open': int(by_stage['count'].get(s, 0)), 'open_amount': int(by_stage['amount'].get(s, 0)),
                    'weighted': float(by_stage['weighted'].get(s, 0.0))} for s in range(6)],
        'win_rate': won / (won + lost) if won + lost else None,
        'weighted_pipeline': float(op.w.sum()),
        'open_pipeline': {'count': len(op), 'amount': int(op.amount.sum())},
        'pipeline_months': [{'month': m, 'count': int(r['count']), 'amount': int(r['amount']),
                             'weighted': float(r['weighted'])} for m, r in months.iterrows()],
        'trend': years,
        'lists': lists,
    }))


if __name__ == '__main__':
    main()
