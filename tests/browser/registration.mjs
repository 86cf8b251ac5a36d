// Browser test: a teacher registers on her phone. Real server, real Chromium (Debian) through playwright-core.
// Opens an event page, fills in the form, submits, follows the confirmation link in the email (written to the
// maildir), sees "confirmed", cancels; then the same form with an error shown next to its field.
import { chromium } from 'playwright-core';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const binary = process.env.TREFFPUNKT;
const shots = process.env.SCREENSHOTS || tmpdir();
const work = mkdtempSync(join(tmpdir(), 'treffpunkt-browser-'));
const db = join(work, 'b.db');

function local(offsetDays, hour) {
  const d = new Date(Date.now() + offsetDays * 86400000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(hour)}:00`;
}

writeFileSync(join(work, 'doc.json'), JSON.stringify({
  networks: [{ slug: 'ist-bochum', name: 'zdi-Netzwerk IST.Bochum.NRW' }],
  events: [{ slug: 'mint-barcamp', network: 'ist-bochum', kind: 'barcamp', title: 'MINT:Barcamp',
             start: local(30, 10), end: local(30, 17), time_zone: 'Europe/Berlin', venue: 'Körber-Forum',
             capacity: 120, registration_opens: local(-2, 9), registration_closes: local(29, 9) }],
}));
execFileSync(binary, ['import', join(work, 'doc.json'), '--db', db]);

const server = spawn(binary, ['serve', '--listen', '127.0.0.1:0', '--db', db, '--access-log', 'off'],
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

// The confirmation link from the email itself: without --smtp-url the server writes mail to a maildir beside the
// database; Python's email module decodes it as a mail program would.
const readLink = `
import email, email.policy, glob, re, sys, time
deadline = time.time() + 20
while time.time() < deadline:
    for path in sorted(glob.glob(sys.argv[1] + "/new/*")):
        m = email.message_from_bytes(open(path, "rb").read(), policy=email.policy.default)
        if sys.argv[2] in str(m["To"]):
            print(re.search(r"https?://\\S+/confirm", m.get_body(("plain",)).get_content()).group(0))
            sys.exit(0)
    time.sleep(0.2)
sys.exit("no mail to " + sys.argv[2])
`;
function confirmLinkOf(address) {
  return execFileSync('/usr/bin/python3', ['-c', readLink, join(work, 'maildir'), address]).toString().trim();
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE', isMobile: true });
  const page = await context.newPage();

  await page.goto(`${base}/events/mint-barcamp`);
  await page.getByLabel('Name').fill('Anna Müller');
  await page.getByLabel('E-Mail-Adresse').fill('anna@ist-bochum.de');
  await page.getByLabel(/Datenschutzhinweise/).check();
  await page.screenshot({ path: join(shots, 'registration-form.png'), fullPage: true });
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('heading', { name: 'Bitte bestätigen Sie Ihre Anmeldung' }).waitFor();

  const link = confirmLinkOf('anna@ist-bochum.de');
  assert.ok(link.startsWith(`${base}/r/`), link);
  await page.goto(link);
  await page.getByRole('button', { name: 'Anmeldung bestätigen' }).click();
  await page.getByText('Bestätigt. Wir freuen uns auf Sie!').waitFor();
  await page.screenshot({ path: join(shots, 'registration-confirmed.png'), fullPage: true });

  await page.getByRole('link', { name: 'Abmelden' }).click();
  await page.getByRole('button', { name: 'Ja, abmelden' }).click();
  await page.getByText('Abgemeldet.').waitFor();

  // The same form with an error: the browser accepts "anna@example", our rules do not.
  await page.goto(`${base}/events/mint-barcamp`);
  await page.getByLabel('Name').fill('Bea Beispiel');
  await page.getByLabel('E-Mail-Adresse').fill('bea@example');
  await page.getByLabel(/Datenschutzhinweise/).check();
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByText('Das ist keine gültige E-Mail-Adresse.').waitFor();
  assert.equal(await page.getByLabel('Name').inputValue(), 'Bea Beispiel');
  assert.equal(await page.getByLabel('E-Mail-Adresse').getAttribute('aria-invalid'), 'true');
  await page.screenshot({ path: join(shots, 'registration-error.png'), fullPage: true });
  console.log('browser registration: 1 passed, 0 failed');
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
