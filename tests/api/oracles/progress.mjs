// D3 target progress against SQL sums of contracts, payments and targets on the same database.
import { AS_OF, sql, subtree } from '../helpers.mjs';

const Q2 = { first: '2026-04-01', months: ['2026-04', '2026-06'] };
const byId = (rows) => Object.fromEntries(rows.map((r) => [r.id, r.v]));

const regionsQ2 = { login: 'executive', endpoint: '/api/v1/do/progress', params: { period: '2026-Q2', as_of: AS_OF, level: 'region' } };
const regionActual = `${subtree()} SELECT sub.top AS id, SUM(c.amount) AS v FROM contracts c
      JOIN reps p ON p.id = c.rep JOIN sub ON sub.id = p.region
      WHERE c.signed_date BETWEEN '${Q2.first}' AND '${AS_OF}' GROUP BY sub.top`;
const regionTarget = `SELECT owner_id AS id, SUM(value) AS v FROM targets
      WHERE metric = 'sales' AND owner_kind = 'region' AND month BETWEEN '${Q2.months[0]}' AND '${Q2.months[1]}'
      GROUP BY owner_id`;

// The reps of the first 大区, June collections.
const firstRegion = () => sql('SELECT id FROM regions WHERE level = 1 ORDER BY id LIMIT 1')[0].id;
const repsJune = { login: 'executive', endpoint: '/api/v1/do/progress',
  params: () => ({ period: '2026-06', as_of: AS_OF, level: 'rep', region: firstRegion(), metric: 'collection' }) };
const repCollections = () => `${subtree()} SELECT c.rep AS id, SUM(p.amount) AS v FROM payments p
      JOIN contracts c ON c.id = p.contract JOIN reps rp ON rp.id = c.rep JOIN sub ON sub.id = rp.region
      WHERE sub.top = ${firstRegion()} AND p.date BETWEEN '2026-06-01' AND '${AS_OF}' GROUP BY c.rep`;
const repTargets = `SELECT owner_id AS id, value AS v FROM targets
      WHERE metric = 'collection' AND owner_kind = 'rep' AND month = '2026-06'`;

export const rows = [
  { ...regionsQ2, name: 'D3 2026-Q2: one row per 大区', got: (a) => a.rows.length, sql: 'SELECT COUNT(*) AS v FROM regions WHERE level = 1' },
  { ...regionsQ2, name: 'D3 2026-Q2: region actuals', sql: regionActual, each: (a) => a.rows, label: (row) => `actual of ${row.name}`,
    got: (a, row) => row.actual, want: (o, row) => byId(o)[row.id] ?? 0 },
  { ...regionsQ2, name: 'D3 2026-Q2: region targets', sql: regionTarget, each: (a) => a.rows, label: (row) => `target of ${row.name}`,
    got: (a, row) => row.target, want: (o, row) => byId(o)[row.id] },
  { ...regionsQ2, name: 'D3 2026-Q2: company actual', got: (a) => a.parent.actual,
    sql: `SELECT SUM(amount) AS v FROM contracts WHERE signed_date BETWEEN '${Q2.first}' AND '${AS_OF}'` },

  { ...repsJune, name: 'D3 collections: every rep with collections is listed', sql: repCollections, each: (a, o) => o,
    label: (x) => `rep ${x.id} with collections is listed`, got: (a, x) => a.rows.some((row) => row.id === x.id), want: () => true },
  { ...repsJune, name: 'D3 collections: rep actuals', sql: repCollections, each: (a) => a.rows, label: (row) => `actual of ${row.name}`,
    got: (a, row) => row.actual, want: (o, row) => byId(o)[row.id] ?? 0 },
  { ...repsJune, name: 'D3 collections: rep targets', sql: repTargets, each: (a) => a.rows, label: (row) => `target of ${row.name}`,
    got: (a, row) => row.target, want: (o, row) => byId(o)[row.id] ?? null },

  { login: 'rep', endpoint: '/api/v1/do/progress', params: { period: '2026-06', as_of: AS_OF, level: 'rep' },
    name: "D3: a rep's own June sales", got: (a) => a.rows[0].actual,
    sql: ({ user }) => `SELECT COALESCE(SUM(amount), 0) AS v FROM contracts WHERE rep = ${user.rep}
      AND signed_date BETWEEN '2026-06-01' AND '${AS_OF}'` },
];
