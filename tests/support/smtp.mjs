// Starts the loopback SMTP server (tests/support/smtp_server.py, Debian's python3-aiosmtpd) on
// `port` (0: a free one), writing each accepted message to `dir`. { child, port, stop() }.
import { spawn } from 'node:child_process';

// Debian's python3 (python3-aiosmtpd is a Debian package; a pyenv python3 on PATH lacks it).
export const PY = process.env.SALESLOOP_PYTHON ?? '/usr/bin/python3';

export function startSmtp(dir, port = 0) {
  return new Promise((resolve, reject) => {
    const child = spawn(PY, ['tests/support/smtp_server.py', dir, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      const m = out.match(/READY (\d+)/);
      if (m) resolve({ child, port: Number(m[1]), stop });
    });
    child.on('exit', (code) => reject(new Error('smtp server exited ' + code)));
    async function stop() {
      child.removeAllListeners('exit');
      const gone = new Promise((r) => child.on('exit', r));
      child.kill('SIGTERM');
      await gone;
    }
  });
}
