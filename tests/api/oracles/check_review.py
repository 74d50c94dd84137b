#!/usr/bin/python3
"""Independent oracle for C1 销售结果复盘 (GET /api/v1/check/review), from shared/METRICS.md.

Reads the SQLite demo database with pandas and prints the page's figures as JSON:
  check_review.py DB LOGIN AS_OF PERIOD [industry=…] [size=…] [category=…]
or the customer profile's (GET /api/v1/customers/ID):
  check_review.py profile DB LOGIN AS_OF CUSTOMER
Scope: executive/admin all reps; a manager the reps placed in their region's subtree; a rep
their own book (contracts they signed). Never reads the product's answers.
"""
import calendar
import datetime as dt
import json
import sqlite3
import sys

import pandas as pd


def parse_period(s):
    if '-Q' in s:
        y, q = s.split('-Q')
        y, q = int(y), int(q)
        return dt.date(y, 3 * q - 2, 1), dt.date(y, 3 * q, calendar.monthrange(y, 3 * q)[1])
    if '-' in s:
        y, m = map(int, s.split('-'))
        return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
    y = int(s)
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def year_back(d):
    if d.month == 2 and d.day == 29:
        return dt.date(d.year - 1, 2, 28)
    return dt.date(d.year - 1, d.month, d.day)


def month_key(d):
    return d.year * 12 + d.month - 1


def month_last(k):
    y, m = divmod(k, 12)
    return dt.date(y, m + 1, calendar.monthrange(y, m + 1)[1])


def main():
    if sys.argv[1] == 'profile':
        return profile(*sys.argv[2:6])
    db, login, as_of_s, period_s = sys.argv[1:5]
    opts = dict(a.split('=', 1) for a in sys.argv[5:])
    as_of = dt.date.fromisoformat(as_of_s)
    first, last = parse_period(period_s)
    con = sqlite3.connect(f'file:{db}?mode=ro', uri=True)
    q = lambda s: pd.read_sql_query(s, con)
    users = q('select login, role, region, rep from users')
    regions = q('select id, name, parent, level from regions')
    reps = q('select id, name, region from reps')
    customers = q('select id, name, industry, size, region, owner_rep from customers')
    contracts = q('select id, customer, rep, signed_date, amount from contracts')
    payments = q('select p.contract, p.date, p.amount, c.rep, c.customer from payments p join contracts c on c.id = p.contract')
    plan = q('select contract, seq, due_date, amount from payment_plan')
    lines = q('select l.contract, l.amount, p.category from contract_lines l join products p on p.id = l.product')
    for t, cols in ((contracts, ['signed_date']), (payments, ['date']), (plan, ['due_date'])):
        for c in cols:
            t[c] = pd.to_datetime(t[c]).dt.date

    parent = dict(zip(regions.id, regions.parent))

    def in_subtree(r, root):
        while r is not None and not pd.isna(r):
            if int(r) == root:
                return True
            r = parent.get(int(r))
        return False

    u = users[users.login == login].iloc[0]
    role = u.role
    if role in ('admin', 'executive'):
        scope_reps = set(reps.id)
        blocker_regions = list(regions[regions.level == 1].sort_values('id').id)
    elif role == 'manager':
        root = int(u.region)
        scope_reps = {int(r.id) for r in reps.itertuples() if in_subtree(r.region, root)}
        blocker_regions = [int(g) for g in regions[regions.level == 1].sort_values('id').id if in_subtree(g, root)]
        if not blocker_regions:
            blocker_regions = [root]
    else:
        scope_reps = {int(u.rep)}
        blocker_regions = []

    cust = customers.set_index('id')
    ok_customers = set(customers.id)
    if 'industry' in opts:
        ok_customers &= set(customers[customers.industry == opts['industry']].id)
    if 'size' in opts:
        ok_customers &= set(customers[customers['size'] == opts['size']].id)

    k = contracts[contracts.rep.isin(scope_reps) & contracts.customer.isin(ok_customers)].copy()
    pay = payments[payments.rep.isin(scope_reps) & payments.customer.isin(ok_customers)].copy()
    # Sales rows: whole contracts, or the lines of the category.
    if 'category' in opts:
        l = lines[lines.category == opts['category']].merge(k[['id', 'signed_date']], left_on='contract', right_on='id')
        sales_rows = l[['signed_date', 'amount']]
    else:
        sales_rows = k[['signed_date', 'amount']]

    def sum_between(rows, col, a, b):
        if b < a:
            return 0
        return int(rows[(rows[col] >= a) & (rows[col] <= b)].amount.sum())

    cur = (first, min(last, as_of))
    ly_first, ly_last = year_back(first), year_back(last)
    if as_of >= last:
        yoy = (ly_first, ly_last)
    elif as_of < first:
        yoy = (ly_first, ly_first - dt.timedelta(days=1))
    else:
        yoy = (ly_first, min(ly_last, year_back(as_of)))
    ratio = lambda a, b: (a / b) if b else None
    growth = lambda a, b: ((a - b) / b) if b else None
    s_now, c_now = sum_between(sales_rows, 'signed_date', *cur), sum_between(pay, 'date', *cur)
    s_ly, c_ly = sum_between(sales_rows, 'signed_date', *yoy), sum_between(pay, 'date', *yoy)
    totals = dict(sales=s_now, collections=c_now, collection_rate=ratio(c_now, s_now), sales_last_year=s_ly,
                  collections_last_year=c_ly, collection_rate_last_year=ratio(c_ly, s_ly),
                  sales_yoy=growth(s_now, s_ly), collections_yoy=growth(c_now, c_ly))

    trend_year = (cur[1] if cur[1] >= cur[0] else first).year
    trend = []
    for m in range(1, 13):
        a = dt.date(trend_year, m, 1)
        b = dt.date(trend_year, m, calendar.monthrange(trend_year, m)[1])
        la, lb = dt.date(trend_year - 1, m, 1), dt.date(trend_year - 1, m, calendar.monthrange(trend_year - 1, m)[1])
        row = dict(month=f'{trend_year}-{m:02d}', sales_last_year=sum_between(sales_rows, 'signed_date', la, lb),
                   collections_last_year=sum_between(pay, 'date', la, lb))
        row['collection_rate_last_year'] = ratio(row['collections_last_year'], row['sales_last_year'])
        if a <= as_of:
            row['sales'] = sum_between(sales_rows, 'signed_date', a, min(b, as_of))
            row['collections'] = sum_between(pay, 'date', a, min(b, as_of))
            row['collection_rate'] = ratio(row['collections'], row['sales'])
        else:
            row['sales'] = row['collections'] = row['collection_rate'] = None
        trend.append(row)

    # Contracts signed by as_of with what was paid on them by as_of.
    ks = k[k.signed_date <= as_of].copy()
    paid_by = pay[pay.date <= as_of]
    ks['paid'] = ks.id.map(paid_by.groupby('contract').amount.sum()).fillna(0).astype('int64')

    in_cur = ks[(ks.signed_date >= cur[0]) & (ks.signed_date <= cur[1])]
    cohort = dict(signed=int(in_cur.amount.sum()), collected=int(in_cur.paid.sum()))
    cohort['share'] = ratio(cohort['collected'], cohort['signed'])

    last_m = month_key(min(min(last, as_of), as_of))
    asof_m = month_key(as_of)
    cohorts = []
    for c in range(last_m - 11, last_m + 1):
        sel = ks[ks.signed_date.map(month_key) == c]
        signed = int(sel.amount.sum())
        pp = paid_by[paid_by.contract.isin(set(sel.id))]
        curve = []
        for off in range(0, 12):
            if c + off > asof_m:
                break
            if signed:
                curve.append(int(pp[pp.date <= min(month_last(c + off), as_of)].amount.sum()) / signed)
        collected = int(pp.amount.sum())
        y, mm = divmod(c, 12)
        cohorts.append(dict(month=f'{y}-{mm + 1:02d}', signed=signed, collected=collected, share=ratio(collected, signed),
                            curve=curve))

    # Aging: payments applied to the oldest plan amounts first; the unpaid rest of an amount due
    # before as_of is overdue, aged by days past due.
    buckets = ['1_30', '31_60', '61_90', '91_180', 'over_180']
    aging = dict.fromkeys(buckets, 0)
    aging_items = dict.fromkeys(buckets, 0)
    per_contract = []
    plan_by = {cid: g.sort_values(['due_date', 'seq']) for cid, g in plan[plan.contract.isin(set(ks.id))].groupby('contract')}
    for c in ks.itertuples():
        left = int(c.paid)
        overdue, items, max_days = 0, 0, 0
        g = plan_by.get(c.id)
        if g is not None:
            for p in g.itertuples():
                applied = min(left, int(p.amount))
                left -= applied
                unpaid = int(p.amount) - applied
                days = (as_of - p.due_date).days
                if unpaid > 0 and days >= 1:
                    b = 0 if days <= 30 else 1 if days <= 60 else 2 if days <= 90 else 3 if days <= 180 else 4
                    aging[buckets[b]] += unpaid
                    aging_items[buckets[b]] += 1
                    overdue += unpaid
                    items += 1
                    max_days = max(max_days, days)
        per_contract.append(dict(customer=int(c.customer), rep=int(c.rep), receivable=int(c.amount) - int(c.paid),
                                 overdue=overdue, items=items, max_days=max_days))
    pc = pd.DataFrame(per_contract, columns=['customer', 'rep', 'receivable', 'overdue', 'items', 'max_days'])
    receivables = int(pc.receivable.sum())
    total_overdue = int(pc.overdue.sum())
    sales_90d = sum_between(k, 'signed_date', as_of - dt.timedelta(days=89), as_of)

    def rows(frame, by):
        g = frame.groupby(by).agg(receivable=('receivable', 'sum'), overdue=('overdue', 'sum'), items=('items', 'sum'),
                                  max_days=('max_days', 'max')).reset_index()
        g = g[g.overdue > 0].sort_values(['overdue', by], ascending=[False, True])
        out = []
        for r in g.itertuples():
            out.append(dict(id=int(getattr(r, by)), receivable=int(r.receivable), overdue=int(r.overdue), items=int(r.items),
                            max_days=int(r.max_days), share=r.overdue / total_overdue))
        return out

    blocker_customers = rows(pc, 'customer')
    for r in blocker_customers:
        owner = cust.loc[r['id'], 'owner_rep']
        r['name'] = cust.loc[r['id'], 'name']
        r['owner'] = None if pd.isna(owner) else int(owner)
    blocker_reps = rows(pc, 'rep')
    rep_region = dict(zip(reps.id, reps.region))
    region_rows = []
    for g in blocker_regions:
        sub = pc[pc.rep.map(lambda p: in_subtree(rep_region[p], g))]
        if int(sub.overdue.sum()) > 0:
            region_rows.append(dict(id=int(g), receivable=int(sub.receivable.sum()), overdue=int(sub.overdue.sum()),
                                    items=int(sub['items'].sum()), max_days=int(sub.max_days.max()),
                                    share=int(sub.overdue.sum()) / total_overdue))
    region_rows.sort(key=lambda r: (-r['overdue'], r['id']))

    print(json.dumps(dict(totals=totals, trend_year=trend_year, trend=trend, cohort=cohort, cohorts=cohorts,
                          receivables=receivables, overdue=total_overdue, aging=aging, aging_items=aging_items,
                          sales_90d=sales_90d, dso=(receivables * 90 / sales_90d) if sales_90d else None,
                          customers=blocker_customers, reps=blocker_reps, regions=region_rows), ensure_ascii=False))


def profile(db, login, as_of_s, customer):
    """Class and RFM segment over the whole company; contracts, receivable and overdue over the
    caller's book (reps the caller sees); None when the caller may not open the customer."""
    as_of = dt.date.fromisoformat(as_of_s)
    cid = int(customer)
    con = sqlite3.connect(f'file:{db}?mode=ro', uri=True)
    q = lambda s: pd.read_sql_query(s, con)
    u = q(f"select role, region, rep from users where login = '{login}'").iloc[0]
    regions = q('select id, parent from regions')
    reps = q('select id, region from reps')
    c = q(f'select id, region, owner_rep from customers where id = {cid}')
    k = q(f"select id, customer, rep, signed_date, amount from contracts where signed_date <= '{as_of}'")
    k['signed_date'] = pd.to_datetime(k.signed_date).dt.date
    parent = dict(zip(regions.id, regions.parent))

    def in_subtree(r, root):
        while r is not None and not pd.isna(r):
            if int(r) == root:
                return True
            r = parent.get(int(r))
        return False

    if u.role in ('admin', 'executive'):
        seen = set(reps.id)
    elif u.role == 'manager':
        seen = {int(r.id) for r in reps.itertuples() if in_subtree(r.region, int(u.region))}
    else:
        seen = {int(u.rep)}
    if c.empty:
        return print('null')
    owner = c.owner_rep[0]
    visible = (u.role in ('admin', 'executive') or (not pd.isna(owner) and int(owner) in seen)
               or (u.role == 'manager' and in_subtree(c.region[0], int(u.region))))
    if not visible:
        return print('null')

    # Pareto over the company: trailing 12 months (as_of − 1 year, as_of], largest first, ties by id.
    year_ago = year_back(as_of)
    t12 = k[k.signed_date > year_ago].groupby('customer').amount.sum()
    t12 = t12[t12 > 0].reset_index().sort_values(['amount', 'customer'], ascending=[False, True])
    total, cum, cls = int(t12.amount.sum()), 0, None
    for r in t12.itertuples():
        if int(r.customer) == cid:
            cls = 'A' if cum < 0.8 * total else 'B' if cum < 0.95 * total else 'C'
        cum += int(r.amount)
    # RFM over the company, window 365 days, thresholds the means of the scored customers.
    w_first = as_of - dt.timedelta(days=364)
    g = k.groupby('customer')
    rfm = pd.DataFrame({'r': g.signed_date.max().map(lambda d: (as_of - d).days)})
    inw = k[k.signed_date >= w_first].groupby('customer')
    rfm['f'] = inw.size().reindex(rfm.index).fillna(0)
    rfm['m'] = inw.amount.sum().reindex(rfm.index).fillna(0)
    segment = None
    if cid in rfm.index:
        x = rfm.loc[cid]
        good_r, high_f, high_m = x.r < rfm.r.mean(), x.f > rfm.f.mean(), x.m > rfm.m.mean()
        names = {(1, 1, 1): 'important_value', (1, 0, 1): 'important_develop', (0, 1, 1): 'important_keep',
                 (0, 0, 1): 'important_retain', (1, 1, 0): 'general_value', (1, 0, 0): 'general_develop',
                 (0, 1, 0): 'general_keep', (0, 0, 0): 'general_retain'}
        segment = dict(segment=names[(int(good_r), int(high_f), int(high_m))], recency=int(x.r), frequency=int(x.f),
                       monetary=int(x.m))
    # At risk (class A): days since the last contract > 2 × the median gap, or t12m down > 30 %.
    at_risk = None
    if cls == 'A':
        days = sorted(k[k.customer == cid].signed_date)
        gaps = [(b - a).days for a, b in zip(days, days[1:])]
        reasons = []
        if gaps and (as_of - days[-1]).days > 2 * pd.Series(gaps).median():
            reasons.append('gap')
        now = int(k[(k.customer == cid) & (k.signed_date > year_ago)].amount.sum())
        prev = int(k[(k.customer == cid) & (k.signed_date > year_back(year_ago)) & (k.signed_date <= year_ago)].amount.sum())
        if prev and (now - prev) / prev < -0.3:
            reasons.append('decline')
        at_risk = reasons or None

    mine = k[(k.customer == cid) & k.rep.isin(seen)]
    ids = ','.join(str(i) for i in mine.id) or '0'
    pay = q(f"select contract, amount from payments where contract in ({ids}) and date <= '{as_of}'")
    plan = q(f'select contract, seq, due_date, amount from payment_plan where contract in ({ids}) order by due_date, seq')
    paid = pay.groupby('contract').amount.sum()
    receivable = overdue = 0
    for r in mine.itertuples():
        left = int(paid.get(r.id, 0))
        receivable += int(r.amount) - left
        for p in plan[plan.contract == r.id].itertuples():
            applied = min(left, int(p.amount))
            left -= applied
            if int(p.amount) > applied and (as_of - dt.date.fromisoformat(p.due_date)).days >= 1:
                overdue += int(p.amount) - applied
    opps = q(f"select count(*) n from opportunities where customer = {cid} and created <= '{as_of}' and rep in "
             f"({','.join(str(i) for i in seen)})").n[0]
    print(json.dumps(dict(cls=cls, t12m=int(t12[t12.customer == cid].amount.sum()), rfm=segment, at_risk=at_risk,
                          contracts=sorted(int(i) for i in mine.id), sales_total=int(mine.amount.sum()),
                          receivable=receivable, overdue=overdue, opportunities=int(opps))))


main()
