// The schedule preview (issue 14): GET /api/v1/subscriptions/schedule-preview computes the next
// run times of a schedule before it is saved, with the scheduler's own code (jobs/schedule.h).
// The expected times are worked out by hand from the calendar: 2026-06-15 is a Monday
// (2026-01-01 was a Thursday; Jan 31 + Feb 28 + Mar 31 + Apr 30 + May 31 days later, June 1 is a Monday).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as } from './helpers.mjs';

const preview = (c, schedule, extra = {}) => {
  const q = new URLSearchParams({ schedule, ...extra });
  return c.get('/api/v1/subscriptions/schedule-preview?' + q.toString());
};

test('next runs of presets and cron expressions, counted strictly after the given moment', async () => {
  const rep = await as('rep');
  const cases = [
    // Monday 09:00: Monday's 08:30 has passed → Thursday, the next Monday, the next Thursday.
    ['weekly mon,thu 08:30', '2026-06-15 09:00', 3, ['2026-06-18 08:30', '2026-06-22 08:30', '2026-06-25 08:30']],
    // the 31st in months shorter than that runs on their last day; the moment itself is not "after".
    ['monthly 31 08:00', '2026-01-31 08:00', 3, ['2026-02-28 08:00', '2026-03-31 08:00', '2026-04-30 08:00']],
    ['quarterly 09:00', '2026-06-15 00:00', 3, ['2026-07-01 09:00', '2026-10-01 09:00', '2027-01-01 09:00']],
    // Friday 2026-06-19 09:30: 09:40 that day, then Monday's 09:00, 09:20, 09:40 (weekends skipped).
    ['*/20 9 * * 1-5', '2026-06-19 09:30', 4, ['2026-06-19 09:40', '2026-06-22 09:00', '2026-06-22 09:20', '2026-06-22 09:40']],
    ['daily 23:45', '2026-12-31 23:50', 2, ['2027-01-01 23:45', '2027-01-02 23:45']],
  ];
  for (const [schedule, after, n, want] of cases) {
    const r = await preview(rep, schedule, { after, n: String(n) });
    assert.equal(r.status, 200, schedule);
    assert.deepEqual(r.json.next_runs, want, schedule);
  }
});

test('three runs after now by default, each later than the one before', async () => {
  const c = await as('manager');
  const r = await preview(c, 'daily 08:30');
  assert.equal(r.status, 200);
  assert.equal(r.json.next_runs.length, 3);
  const [a, b, d] = r.json.next_runs;
  assert.ok(a < b && b < d);
  for (const t of r.json.next_runs) assert.match(t, /^\d{4}-\d{2}-\d{2} 08:30$/);
});

test('a bad schedule, count or moment is 422 on its field, in both languages, and nothing else happens', async () => {
  const zh = await as('executive');
  const en = await as('executive');
  en.lang = 'en';
  const bad = await preview(zh, '61 * * * *');
  assert.equal(bad.status, 422);
  assert.equal(bad.json.error.field, 'schedule');
  assert.match(bad.json.error.message, /推送时间无效/);
  const badEn = await preview(en, 'weekly xyz 08:30');
  assert.equal(badEn.status, 422);
  assert.equal(badEn.json.error.field, 'schedule');
  assert.match(badEn.json.error.message, /The schedule is not valid/);
  const empty = await preview(zh, '');
  assert.equal(empty.status, 422);
  assert.equal(empty.json.error.field, 'schedule');
  for (const n of ['0', '11', 'x']) {
    const r = await preview(zh, 'daily 08:30', { n });
    assert.equal(r.status, 422, n);
    assert.equal(r.json.error.field, 'n');
  }
  const late = await preview(en, 'daily 08:30', { after: '2026-06-15 25:00' });
  assert.equal(late.status, 422);
  assert.equal(late.json.error.field, 'after');
  assert.match(late.json.error.message, /after must be/);
});
