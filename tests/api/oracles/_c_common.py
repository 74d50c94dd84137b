"""Shared reading for the C-page oracles: contracts of the scope's reps, customers and regions,
straight from the SQLite demo database with pandas (never from the product's answers)."""
import argparse
import sqlite3

import pandas as pd


def parser(description):
    p = argparse.ArgumentParser(description=description)
    p.add_argument('db')
    p.add_argument('--as-of', required=True)
    p.add_argument('--scope', default='all', help='all | region:ID | rep:ID')
    p.add_argument('--industry', default='')
    p.add_argument('--size', default='')
    p.add_argument('--category', default='', help="a product category: the category's purchases (below)")
    return p


def load(args):
    con = sqlite3.connect(f'file:{args.db}?mode=ro', uri=True)
    regions = pd.read_sql('SELECT id, name, parent, level FROM regions', con)
    reps = pd.read_sql('SELECT id, region FROM reps', con)
    customers = pd.read_sql('SELECT id, name, industry, size, region, lost_reason FROM customers', con)
    contracts = pd.read_sql('SELECT id, customer, rep, signed_date, amount FROM contracts', con, parse_dates=['signed_date'])
    lines = None
    if args.category:
        lines = pd.read_sql('SELECT l.contract, l.amount FROM contract_lines l JOIN products p ON p.id = l.product '
                            'WHERE p.category = ?', con, params=[args.category])
    con.close()
    parent = dict(zip(regions.id, regions.parent))
    level = dict(zip(regions.id, regions.level))

    def top(r):  # the 大区 (level 1) above a region, or None
        while r is not None and not pd.isna(r) and level.get(int(r), -1) > 1:
            r = parent[int(r)]
        return int(r) if r is not None and not pd.isna(r) and level.get(int(r)) == 1 else None

    def in_subtree(r, root):
        while r is not None and not pd.isna(r):
            if int(r) == root:
                return True
            r = parent[int(r)]
        return False

    kind, _, ident = args.scope.partition(':')
    if kind == 'region':
        seen = set(reps.id[[in_subtree(r, int(ident)) for r in reps.region]])
    elif kind == 'rep':
        seen = {int(ident)}
    else:
        seen = set(reps.id)
    as_of = pd.Timestamp(args.as_of)
    k = contracts[contracts.rep.isin(seen) & (contracts.signed_date <= as_of)]
    cu = customers
    if args.industry:
        cu = cu[cu.industry == args.industry]
    if args.size:
        cu = cu[cu['size'] == args.size]
    k = k[k.customer.isin(set(cu.id))]
    if lines is not None:
        # Under a category (docs/metrics.md, C2/C3): a customer's purchases of it are the days it
        # signed contracts (of the scope) holding lines of it, each with those lines' amount.
        m = k.drop(columns='amount').merge(lines, left_on='id', right_on='contract')
        k = m.groupby(['customer', 'signed_date'], as_index=False).agg(amount=('amount', 'sum'), rep=('rep', 'first'),
                                                                       id=('id', 'min'))
    names = dict(zip(regions.id, regions.name))
    return {'as_of': as_of, 'contracts': k, 'customers': cu.set_index('id'), 'top': top, 'region_names': names,
            'regions': regions}
