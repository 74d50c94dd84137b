// The web's TypeScript types of API answers (web/src/api/types.ts, written by hand) against
// live answers: each role fetches each GET endpoint the web reads, every answer is written
// into a generated .ts file as `const a_N = <json> satisfies <Type>` and the web's TypeScript
// compiler checks them. An object literal gets excess-property checks, so a field the API
// sends that the type lacks fails, as does a required field it does not send or a value of
// another kind (a null where the type says number, a status the union lacks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { as } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const WEB = path.resolve(here, '../../web');
const TYPES = path.join(WEB, 'src/api/types.ts');
const AS_OF = '2026-06-15';

// What each role reads: [endpoint, the type the web gives its answer]. Paths with {…} are
// filled from earlier answers (a meeting of the list, a contract of the cockpit).
const COMMON = [
  ['/api/v1/me', 'SessionResponse'],
  ['/api/v1/meta', 'Meta'],
  ['/api/v1/regions', '{ regions: Region[] }'],
  [`/api/v1/do/cockpit?as_of=${AS_OF}`, 'CockpitResponse'],
  ['/api/v1/todos', 'TodoList'],
  [`/api/v1/do/process?period=2026-06&as_of=${AS_OF}`, 'ProcessResponse'],
  [`/api/v1/do/process?period=2026-Q2&as_of=${AS_OF}`, 'ProcessResponse'],
  [`/api/v1/do/process?period=2026-04-01..2026-06-10&as_of=${AS_OF}`, 'ProcessResponse'],
  [`/api/v1/do/leaderboard?period=2026-06&as_of=${AS_OF}&metric=sales`, 'LeaderboardResponse'],
  [`/api/v1/do/leaderboard?period=2026&as_of=${AS_OF}&metric=kpi_score`, 'LeaderboardResponse'],
  [`/api/v1/do/progress?period=2026-06&as_of=${AS_OF}&metric=sales&level=rep`, 'ProgressResponse'],
  [`/api/v1/do/progress?period=2026-12&as_of=${AS_OF}&metric=collection&level=rep`, 'ProgressResponse'],
  ['/api/v1/meeting-series', '{ series: MeetingSeries[] }'],
  ['/api/v1/meetings', 'MeetingList'],
  ['/api/v1/meetings/{meeting}', 'MeetingDetail'],
  ['/api/v1/act/stats?months=12', 'ActStats'],
  ['/api/v1/act/people', '{ users: ActPerson[] }'],
  [`/api/v1/contracts/{contract}?as_of=${AS_OF}`, 'ContractDetail'],
  ['/api/v1/subscriptions', 'SubscriptionList'],
  ['/api/v1/subscriptions/recipients', 'SubRecipientChoices'],
  ['/api/v1/deliveries', 'DeliveryList'],
];
const LEADERS = [
  [`/api/v1/do/per-capita?as_of=${AS_OF}`, 'PerCapitaResponse'],
  [`/api/v1/do/progress?period=2026-Q2&as_of=${AS_OF}&metric=sales&level=region`, 'ProgressResponse'],
  ['/api/v1/targets/grid?year=2026&metric=sales&owner=rep&region={region}', 'GridResponse'],
  ['/api/v1/targets/audit?year=2026&metric=sales&region={region}', '{ entries: AuditEntry[] }'],
];
const PLAN = {
  executive: [
    ...COMMON, ...LEADERS,
    [`/api/v1/do/progress?period=2026&as_of=${AS_OF}&metric=sales&level=company`, 'ProgressResponse'],
    ['/api/v1/targets/grid?year=2026&metric=collection&owner=region', 'GridResponse'],
    ['/api/v1/targets/audit?year=2026&metric=sales', '{ entries: AuditEntry[] }'],
  ],
  manager: [...COMMON, ...LEADERS],
  rep: COMMON,
};

/** Fills {meeting}, {contract}, {region} from what the caller already saw; null when it saw none. */
function fill(p, seen) {
  return p.replace(/\{(\w+)\}/g, (_, k) => (seen[k] === undefined ? '\u0000' : String(seen[k])));
}
function remember(seen, json) {
  if (json?.user) seen.region = json.user.region ?? undefined;
  if (seen.region === undefined && json?.regions?.[0]?.level !== undefined) seen.region = json.regions.find((r) => r.level === 1)?.id;
  if (seen.contract === undefined && json?.overdue?.length) seen.contract = json.overdue[0].contract;
  // the meeting with the most carry-over and resolutions says the most
  if (json?.meetings?.length) {
    const weight = (m) => m.carry_over_count + m.resolution_count;
    seen.meeting = json.meetings.reduce((a, m) => (weight(m) > weight(a) ? m : a)).id;
  }
}

test('the web\'s types of API answers match live answers of every role', { timeout: 240_000 }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'salesloop-types-'));
  const files = [];
  const what = [];
  const imports = 'SessionResponse, Meta, Region, CockpitResponse, Todo, ProcessResponse, LeaderboardResponse, PerCapitaResponse, ' +
    'ProgressResponse, MeetingSeries, MeetingSummary, MeetingList, TodoList, MeetingDetail, ActStats, ActPerson, ContractDetail, GridResponse, AuditEntry, ' +
    'SubscriptionList, SubRecipientChoices, DeliveryList';
  try {
    for (const [role, plan] of Object.entries(PLAN)) {
      const c = await as(role);
      const seen = {};
      for (const [endpoint, type] of plan) {
        const p = fill(endpoint, seen);
        if (p.includes('\u0000')) continue;  // nothing to open (e.g. no contract with an overdue amount)
        const r = await c.get(p);
        assert.equal(r.status, 200, `${role} GET ${p}: ${r.status} ${JSON.stringify(r.json)?.slice(0, 300)}`);
        remember(seen, r.json);
        const n = files.length;
        const name = `a_${n}.ts`;
        what.push(`${role} GET ${p} satisfies ${type}`);
        writeFileSync(path.join(dir, name),
          `// ${what[n]}\nimport type { ${imports} } from ${JSON.stringify(TYPES.replace(/\.ts$/, ''))}\n` +
          `export const a_${n} = ${JSON.stringify(r.json, null, 1)} satisfies ${type}\n`);
        files.push(name);
      }
    }
    assert.ok(files.length >= 60, `answers checked: ${files.length}`);
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        target: 'ES2020', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true,
        skipLibCheck: true, types: [], lib: ['ES2020'], noErrorTruncation: true,
      },
      files,
    }));
    let out = '';
    try {
      execFileSync('npx', ['--no-install', 'tsc', '--noEmit', '-p', dir], { cwd: WEB, encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      out = String(e.stdout || '') + String(e.stderr || '');
    }
    // One line per distinct error, naming the first answer it was found in and how many more.
    const byError = new Map();
    for (const l of out.split('\n').filter((x) => /error TS/.test(x))) {
      const m = l.match(/a_(\d+)\.ts\(\d+,\d+\): (error .*)$/);
      const [where, msg] = m ? [what[Number(m[1])], m[2]] : ['', l];
      if (!byError.has(msg)) byError.set(msg, { where, n: 0 });
      byError.get(msg).n++;
    }
    const report = [...byError].map(([msg, { where, n }]) => `${msg}\n    in ${where}${n > 1 ? ` (and ${n - 1} more)` : ''}`);
    assert.deepEqual(report, [], `types.ts disagrees with live answers:\n${report.join('\n')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
