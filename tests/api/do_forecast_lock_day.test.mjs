// D1/D4's forecast accuracy counts the forecast P5 counts: the last one submitted before the lock
// day the server runs with (serve --forecast-lock-day). A late resubmission (the 10th) is ignored
// at the default lock day 3 and counts at lock day 15; expected accuracies from sqlite3.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { Client, sql } from './helpers.mjs';
import { copyDb, ownServer } from '../support/own_server.mjs';
import { readLogins } from '../support/logins.mjs';

const REP = 1;
const beijingMidnight = (ymd) => Date.parse(`${ymd}T00:00:00+08:00`) / 1000;

async function executive(base) {
  const u = readLogins().executive[0];
  const c = new Client('zh-CN', base);
  assert.equal((await c.login(u.login, u.password)).status, 200);
  return c;
}

test('D4 and D1 forecast accuracy follow --forecast-lock-day', async () => {
  const db = copyDb();
  // The rep's May sales and the forecast counted at lock day 3 (last before 2026-05-03 00:00 Beijing).
  const actual = sql(`SELECT COALESCE(SUM(amount), 0) AS a FROM contracts WHERE rep = ${REP} AND signed_date BETWEEN '2026-05-01' AND '2026-05-31'`, db)[0].a;
  const early = sql(`SELECT value FROM forecasts WHERE rep = ${REP} AND month = '2026-05' AND submitted_at < ${beijingMidnight('2026-05-03')} ORDER BY submitted_at DESC, id DESC LIMIT 1`, db)[0].value;
  const late = actual * 2;  // resubmitted on the 10th: accuracy 0 if it counts
  execFileSync('sqlite3', [db, `INSERT INTO forecasts(month, rep, value, submitted_at) VALUES ('2026-05', ${REP}, ${late}, ${beijingMidnight('2026-05-10') + 3600})`]);
  const accuracy = (f) => Math.max(0, 1 - Math.abs(actual - f) / actual);
  for (const [args, f] of [[[], early], [['--forecast-lock-day', '15'], late]]) {
    const server = await ownServer({ db, args });
    try {
      const c = await executive(server.base);
      const board = (await c.get('/api/v1/do/leaderboard?as_of=2026-06-15&period=2026-05&metric=forecast_accuracy')).json;
      const row = board.reps.find((r) => r.id === REP);
      assert.ok(Math.abs(row.figures.forecast_accuracy - accuracy(f)) < 1e-12, `D4 ${args}: ${row.figures.forecast_accuracy} vs ${accuracy(f)}`);
      const cockpit = (await c.get(`/api/v1/do/cockpit?as_of=2026-06-03&rep=${REP}`)).json;
      const month = cockpit.cards[0];
      assert.ok(Math.abs(month.figures.forecast_accuracy - accuracy(f)) < 1e-12, `D1 ${args}: ${month.figures.forecast_accuracy}`);
    } finally {
      await server.stop();
    }
  }
});
