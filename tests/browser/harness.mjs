// What the browser tests share: a work folder, the real server on an OS-chosen port, Debian's Chromium, and
// local wall times relative to today.
import { chromium } from 'playwright-core';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

export const binary = process.env.TREFFPUNKT;
export const shots = process.env.SCREENSHOTS || tmpdir();

export function workFolder() {
  return mkdtempSync(join(tmpdir(), 'treffpunkt-browser-'));
}

// "YYYY-MM-DDTHH:00" offsetDays from today (UTC date), for import documents and forms.
export function local(offsetDays, hour) {
  const d = new Date(Date.now() + offsetDays * 86400000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(hour)}:00`;
}

export function importDocument(work, db, doc) {
  writeFileSync(join(work, 'doc.json'), JSON.stringify(doc));
  execFileSync(binary, ['import', join(work, 'doc.json'), '--db', db]);
}

// An API token for the organiser: organisers who register someone on their behalf get the person's link; the
// public API never answers with it.
export function apiToken(db, email) {
  return execFileSync(binary, ['create-api-token', '--db', db, '--email', email]).toString().trim();
}

// Starts `treffpunkt serve` (with `extra` arguments such as --demo); resolves with { server, base } once it listens.
export async function startServer(db, extra = []) {
  const server = spawn(binary, ['serve', '--listen', '127.0.0.1:0', '--db', db, '--access-log', 'off', ...extra],
                       { stdio: ['ignore', 'ignore', 'pipe'] });
  const base = await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error('server did not start: ' + seen)), 20000);
    server.stderr.on('data', (chunk) => {
      seen += chunk;
      const m = seen.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
  });
  return { server, base };
}

export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
}

// No sideways scrolling: the page is no wider than the window (a phone's 390 px).
export async function assertFits(page, what) {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scroll <= width, `${what}: ${scroll} px wide in a ${width} px window`);
}
