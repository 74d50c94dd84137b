// The target grid against the targets table.
import { AS_OF } from '../helpers.mjs';

const grid = { login: 'manager', endpoint: '/api/v1/targets/grid',
  params: ({ user }) => ({ year: 2026, metric: 'sales', owner: 'rep', region: user.region }) };

export const rows = [
  { ...grid, name: "target grid: the first rep's 2026 sales targets", each: (a, o) => o, label: (x) => x.month,
    sql: (c, a) => `SELECT month, value FROM targets WHERE metric = 'sales' AND owner_kind = 'rep'
      AND owner_id = ${a.rows[0].id} AND month LIKE '2026-%'`,
    got: (a, x) => a.rows[0].values[Number(x.month.slice(5)) - 1], want: (o, x) => x.value },
  { ...grid, name: "target grid: the region's June target", got: (a) => a.parent.values[5], want: (o) => o[0].value,
    sql: ({ user }) => `SELECT value FROM targets WHERE metric = 'sales' AND owner_kind = 'region'
      AND owner_id = ${user.region} AND month = '${AS_OF.slice(0, 7)}'` },
  { login: 'executive', endpoint: '/api/v1/targets/grid', params: { year: 2026, metric: 'collection', owner: 'region' },
    name: 'target grid of the regions: one row per 大区', got: (a) => a.rows.length, sql: 'SELECT COUNT(*) AS v FROM regions WHERE level = 1' },
];
