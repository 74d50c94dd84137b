// The SQL oracles of the API tests, as data: every row of tests/api/oracles/*.mjs calls an
// endpoint as a demo user and compares a figure of the answer with SQL run by the sqlite3
// shell on the same database (the runner: tests/support/oracle.mjs). The rows write nothing,
// and each compares the answer with SQL on the same state, whatever the suites before it wrote.
import { test } from 'node:test';
import { oracleRunner } from '../support/oracle.mjs';
import { rows as actStats } from './oracles/act_stats.mjs';
import { rows as doDashboards } from './oracles/do_dashboards.mjs';
import { rows as progress } from './oracles/progress.mjs';
import { rows as targets } from './oracles/targets.mjs';

const check = oracleRunner();
for (const [file, rows] of Object.entries({ act_stats: actStats, do_dashboards: doDashboards, progress, targets }))
  for (const row of rows) test(`${file}: ${row.name}`, () => check(row));
