// D2 anomalies recomputed independently (issue 9): the rules of shared/METRICS.md and the
// choices of docs/metrics.md written again in plain JavaScript over SQL rows of the same
// database, compared key by key with GET /api/v1/do/process for 2026 as of 2026-06-15 — a
// year holding a rep who left (2026-04-30 in the small demo), a rep who joined in June and
// an unfinished month (June).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, sql } from './helpers.mjs';

const AS_OF = '2026-06-15';
const YEAR = 2026;
const MIN_BASE_SHARE = 0.10;  // docs/metrics.md: a YoY base under 10 % of the unit's mean month, or of this month, is tiny

const ym = (y, m) => `${y + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12 + 12) % 12 + 1).padStart(2, '0')}`;
const monthIndex = (s) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
const monthOf = (i) => `${Math.floor(i / 12)}-${String(i % 12 + 1).padStart(2, '0')}`;
const lastDay = (i) => {
  const y = Math.floor(i / 12), m = i % 12 + 1;
  return `${monthOf(i)}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};
const days = (a, b) => Math.round((Date.parse(b) - Date.parse(a)) / 86400000) + 1;  // inclusive
const points = (ratio) => Math.round(ratio * 1e6) / 1e4;
const active = (rep, first, last) => rep.hire_date <= last && (!rep.leave_date || rep.leave_date >= first);

function median(v) {
  const s = [...v].sort((a, b) => a - b), n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}
function robustZ(x, hist) {
  const med = median(hist);
  const dev = hist.map((h) => Math.abs(h - med));
  const mad = median(dev), meanAd = dev.reduce((a, b) => a + b, 0) / dev.length;
  if (mad > 0) return (x - med) / (1.4826 * mad);
  if (meanAd > 0) return (x - med) / (1.2533 * meanAd);
  return null;
}

// Amount and count by (rep, month) of each metric, events dated through as_of.
function monthly() {
  const rows = {
    bids_won: sql(`SELECT o.rep rep, substr(b.result_date, 1, 7) m, SUM(b.amount) a, COUNT(*) c FROM bids b
                   JOIN opportunities o ON o.id = b.opportunity
                   WHERE b.result = 'won' AND b.result_date <= '${AS_OF}' GROUP BY 1, 2`),
    sales: sql(`SELECT rep, substr(signed_date, 1, 7) m, SUM(amount) a, COUNT(*) c FROM contracts
                WHERE signed_date <= '${AS_OF}' GROUP BY 1, 2`),
    collection: sql(`SELECT c.rep rep, substr(p.date, 1, 7) m, SUM(p.amount) a, COUNT(*) c FROM payments p
                     JOIN contracts c ON c.id = p.contract WHERE p.date <= '${AS_OF}' GROUP BY 1, 2`),
  };
  const out = {};
  for (const [metric, list] of Object.entries(rows)) {
    out[metric] = new Map();
    for (const r of list) out[metric].set(`${r.rep}/${r.m}`, { a: r.a, c: r.c });
  }
  return out;
}

function oracle() {
  const regions = sql('SELECT id, name, parent, level FROM regions');
  const byId = new Map(regions.map((r) => [r.id, r]));
  const top = (id) => { let r = byId.get(id); while (r && r.level > 1) r = byId.get(r.parent); return r?.level === 1 ? r.id : null; };
  const reps = sql('SELECT id, name, region, hire_date, leave_date FROM reps');
  const targets = new Map(sql(`SELECT month, metric, owner_kind, owner_id, value FROM targets`)
    .map((t) => [`${t.owner_kind}:${t.owner_id}/${t.metric}/${t.month}`, t.value]));
  const data = monthly();
  const first = monthIndex(`${YEAR}-01`), last = monthIndex(AS_OF);
  const units = [];
  for (const g of regions.filter((r) => r.level === 1)) units.push({ kind: 'region', id: g.id, reps: reps.filter((p) => top(p.region) === g.id) });
  for (const p of reps) if (active(p, `${YEAR}-01-01`, AS_OF)) units.push({ kind: 'rep', id: p.id, rep: p, reps: [p] });

  const found = new Map();
  for (const metric of ['bids_won', 'sales', 'collection']) {
    for (const u of units) {
      const amount = (i) => u.reps.reduce((s, p) => s + (data[metric].get(`${p.id}/${monthOf(i)}`)?.a ?? 0), 0);
      const count = (i) => u.reps.reduce((s, p) => s + (data[metric].get(`${p.id}/${monthOf(i)}`)?.c ?? 0), 0);
      for (let i = first; i <= last; ++i) {
        const mFirst = `${monthOf(i)}-01`, mLast = lastDay(i);
        const readTo = mLast < AS_OF ? mLast : AS_OF;
        if (u.kind === 'rep' && !active(u.rep, mFirst, readTo)) continue;
        const complete = AS_OF >= mLast;
        const x = amount(i), base = amount(i - 12);
        const hist = [];
        for (let k = i - 12; k < i; ++k)
          if (u.kind === 'region' || active(u.rep, `${monthOf(k)}-01`, lastDay(k))) hist.push(amount(k));
        const rules = [];
        let yoy = null, basis = 'partial', z = null, gap = null;
        if (complete) {
          const minimum = hist.length ? MIN_BASE_SHARE * hist.reduce((a, b) => a + b, 0) / hist.length : 0;
          if (base > 0 && base >= minimum && base >= MIN_BASE_SHARE * x) { basis = 'normal'; yoy = (x - base) / base; }
          else basis = x > 0 && x >= minimum ? 'new' : 'small';
          if (yoy !== null && points(yoy) < -30) rules.push('yoy');
          if (u.kind === 'region' || hist.length >= 6) {
            z = robustZ(x, hist);
            if (z !== null && Math.abs(z) > 3) rules.push('z');
          }
        }
        const target = targets.get(`${u.kind}:${u.id}/${metric}/${monthOf(i)}`);
        if (target > 0) {
          const tp = days(mFirst, readTo) / days(mFirst, mLast);
          gap = (metric === 'bids_won' ? count(i) : x) / target - tp;
          if (points(gap) < -20) rules.push('completion');
        }
        if (!rules.length) continue;
        const high = rules.length >= 2 || (yoy !== null && points(yoy) < -50) || (z !== null && Math.abs(z) > 5) ||
          (gap !== null && points(gap) < -40);
        const key = `${u.kind}:${u.id}/${metric}/${monthOf(i)}/${rules.join('+')}`;
        found.set(key, { severity: high ? 'high' : 'medium', yoy, basis, z });
      }
    }
  }
  return { found, reps };
}

test('D2 anomalies of a year equal an independent implementation over SQL', async () => {
  const exec = await as('executive');
  const r = await exec.get(`/api/v1/do/process?period=${YEAR}&as_of=${AS_OF}&anomaly_limit=10000`);
  assert.equal(r.status, 200);
  const { found, reps } = oracle();
  const listed = new Map(r.json.anomalies.map((a) => [a.key, a]));
  assert.deepEqual([...listed.keys()].sort(), [...found.keys()].sort());
  for (const [key, o] of found) {
    const a = listed.get(key);
    assert.equal(a.severity, o.severity, key);
    assert.equal(a.yoy_basis, o.basis, key);
    if (o.yoy === null) assert.equal(a.yoy, null, key);
    else assert.ok(Math.abs(a.yoy - o.yoy) < 1e-9, `${key}: ${a.yoy} vs ${o.yoy}`);
    if (o.z !== null) assert.ok(Math.abs(a.z - o.z) < 1e-9, `${key}: z ${a.z} vs ${o.z}`);
  }

  // The cases of issue 9, present in this demo: a rep who left during the year ...
  const left = reps.find((p) => p.leave_date && p.leave_date >= `${YEAR}-01-01` && p.leave_date < AS_OF);
  assert.ok(left, 'the small demo has a rep who left during 2026');
  const leftMonth = left.leave_date.slice(0, 7);
  const theirs = [...listed.values()].filter((a) => a.unit === 'rep' && a.id === left.id);
  assert.ok(theirs.every((a) => a.month <= leftMonth), `${left.name} judged after leaving: ${theirs.map((a) => a.key)}`);
  // ... and the unfinished month: June carries no YoY, and no yoy or z rule fires in it.
  const june = [...listed.values()].filter((a) => a.month === AS_OF.slice(0, 7));
  assert.ok(june.length > 0, 'June has completion anomalies');
  for (const a of june) {
    assert.deepEqual(a.rules, ['completion'], a.key);
    assert.equal(a.yoy, null, a.key);
    assert.equal(a.yoy_basis, 'partial', a.key);
  }
  // No percentage above +900 % anywhere: on a smaller base the YoY is "new" or "small".
  for (const a of listed.values()) if (a.yoy !== null) assert.ok(a.yoy_basis === 'normal' && a.yoy <= 9 + 1e-9, a.key);
});

test('a rep who left is neither ranked nor counted among the peers; the set is the same for month, quarter and year', async () => {
  const exec = await as('executive');
  const employed = sql(`SELECT id FROM reps WHERE hire_date <= '${AS_OF}' AND (leave_date IS NULL OR leave_date >= '${AS_OF}') ORDER BY id`).map((x) => x.id);
  for (const period of [AS_OF.slice(0, 7), `${YEAR}-Q2`, `${YEAR}`]) {
    const r = await exec.get(`/api/v1/do/leaderboard?period=${period}&as_of=${AS_OF}`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.json.reps.map((x) => x.id).sort((a, b) => a - b), employed, period);
  }
});

test('D3: a period that has not started has no status', async () => {
  const exec = await as('executive');
  const r = await exec.get(`/api/v1/do/progress?period=${ym(YEAR, 8)}&as_of=${AS_OF}&level=region`);
  assert.equal(r.status, 200);
  assert.ok(r.json.rows.length > 0);
  for (const row of [...r.json.rows, r.json.parent]) {
    assert.equal(row.status, null, row.name);
    assert.equal(row.time_progress, 0);
    if (row.target !== null) assert.ok(Math.abs(row.required_daily - row.target / 31) < 1e-6, row.name);  // August: 31 days
  }
});
