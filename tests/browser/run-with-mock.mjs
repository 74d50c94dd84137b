// Starts mock-server.mjs on a spare port, runs the browser tests against it, stops it.
// Needs web/dist (cd web && npm ci && npm run build).
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

const here = path.dirname(fileURLToPath(import.meta.url))
const port = process.env.MOCK_PORT || '18080'
const mock = spawn(process.execPath, [path.join(here, 'mock-server.mjs')], { env: { ...process.env, PORT: port }, stdio: ['ignore', 'pipe', 'inherit'] })
await new Promise((ok, fail) => {
  mock.stdout.on('data', (d) => { process.stdout.write(d); if (String(d).includes('mock server on')) ok() })
  mock.on('exit', (c) => fail(new Error('mock server exited ' + c)))
})
const t = spawn(process.execPath, ['--test', '--test-concurrency=1', path.join(here, 'e2e.test.mjs')], {
  env: { ...process.env, BASE_URL: `http://127.0.0.1:${port}`, DEMO_LOGINS_FILE: path.join(here, 'demo-logins.mock.txt') },
  stdio: 'inherit',
})
const code = await new Promise((ok) => t.on('exit', ok))
mock.kill()
process.exit(code ?? 1)
