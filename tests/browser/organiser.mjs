// Browser test: an organiser at work. Real server, Debian's Chromium through playwright-core. Logs in, creates an
// event, sees a registration arrive, checks the person in on a phone-sized page, rejects someone on the phone (the
// confirm page says who is told, the reason reaches the mail), and downloads the CSV.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { binary, shots, workFolder, local, importDocument, startServer, launchChromium, apiToken, assertFits }
  from './harness.mjs';

const work = workFolder();
const db = join(work, 'o.db');
importDocument(work, db, { networks: [{ slug: 'ist-bochum', name: 'zdi-Netzwerk IST.Bochum.NRW' }] });
execFileSync(binary, ['create-organiser', '--db', db, '--email', 'jana@ist-bochum.example', '--name', 'Jana Koch',
                      '--network', 'ist-bochum', '--password-stdin'], { input: 'ein-langes-passwort\n' });
const { server, base } = await startServer(db);
const token = apiToken(db, 'jana@ist-bochum.example');

// A teacher registers by phone and confirms: the organiser enters it through the API and gets the link.
async function registerAndConfirm(name, email) {
  const created = await fetch(`${base}/api/v1/events/robotik-werkstatt/registrations`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ name, email, consent: true }),
  });
  assert.equal(created.status, 201);
  const link = (await created.json()).manage_url.split('/r/')[1];
  const confirmed = await fetch(`${base}/api/v1/registrations/${link}/confirm`, { method: 'POST' });
  assert.equal(confirmed.status, 200);
  return link;
}

// What the person's QR code carries, worked out independently (Python: the id from the database, the code as
// keyed BLAKE2b of the link).
function doorPath(link) {
  const script = `import hashlib, sqlite3, sys
token = sys.argv[2]
rid, slug = sqlite3.connect(sys.argv[1]).execute(
    "SELECT r.id, e.slug FROM registrations r JOIN events e ON e.id = r.event_id WHERE r.token = ?", (token,)).fetchone()
code = hashlib.blake2b(token.encode(), digest_size=16, key=b"treffpunkt check-in code, v1").hexdigest()
print(f"/admin/events/{slug}/door/{rid}/{code}")`;
  return execFileSync('/usr/bin/python3', ['-c', script, db, link], { encoding: 'utf8' }).trim();
}

// The text of the mail to `address` whose subject contains `subject` (the maildir beside the database), decoded
// by Python's email module as a mail program would.
function mailTo(address, subject) {
  const script = `import email, email.policy, glob, sys, time
deadline = time.time() + 20
while time.time() < deadline:
    for path in sorted(glob.glob(sys.argv[1] + "/new/*")):
        m = email.message_from_bytes(open(path, "rb").read(), policy=email.policy.default)
        if sys.argv[2] in str(m["To"]) and sys.argv[3] in str(m["Subject"]):
            print(m.get_body(("plain",)).get_content())
            sys.exit(0)
    time.sleep(0.2)
sys.exit("no mail to " + sys.argv[2])`;
  return execFileSync('/usr/bin/python3', ['-c', script, join(work, 'maildir'), address, subject],
                      { encoding: 'utf8' });
}

const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'de-DE',
                                             acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${base}/admin`);
  await page.getByLabel('E-Mail-Adresse').fill('jana@ist-bochum.example');
  await page.getByLabel('Passwort').fill('ein-langes-passwort');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('heading', { name: 'Ihre Veranstaltungen' }).waitFor();

  await page.getByRole('link', { name: 'Neue Veranstaltung anlegen' }).click();
  await page.getByLabel(/Kurzname/).fill('robotik-werkstatt');
  await page.getByLabel('Titel', { exact: true }).fill('Robotik-Werkstatt für Lehrkräfte');
  await page.getByLabel('Beginn', { exact: true }).fill(local(21, 14));
  await page.getByLabel('Ende', { exact: true }).fill(local(21, 17));
  await page.getByLabel('Ort', { exact: true }).fill('Zeche Hannover');
  await page.getByLabel(/^Plätze/).fill('24');
  await page.getByLabel('Anmeldung ab').fill(local(-1, 9));
  await page.screenshot({ path: join(shots, 'organiser-new-event.png'), fullPage: true });
  await page.getByRole('button', { name: 'Speichern und veröffentlichen' }).click();
  await page.getByText('Öffentlich und in den Kalendern:').waitFor();
  await page.screenshot({ path: join(shots, 'organiser-event-saved.png'), fullPage: true });
  await page.getByRole('link', { name: 'Teilnehmende', exact: true }).click();
  await page.getByRole('heading', { name: 'Robotik-Werkstatt für Lehrkräfte' }).waitFor();

  const annaLink = await registerAndConfirm('Anna Müller', 'anna@schule.example');
  await page.reload();
  await page.getByRole('cell', { name: 'Anna Müller' }).waitFor();
  await page.screenshot({ path: join(shots, 'organiser-attendees.png'), fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/admin/events/robotik-werkstatt/checkin`);
  // Everyone expected is listed before any search, with how many are here; nobody is rejected at the door.
  await page.getByText('0 von 1 da').waitFor();
  await page.getByText('Anna Müller').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Ablehnen' }).count(), 0);
  await page.getByLabel('Name suchen').fill('MULLER');  // case and accents do not matter
  await page.getByRole('button', { name: 'Suche' }).click();
  await page.getByText('Anna Müller').waitFor();
  await page.getByRole('button', { name: 'Ist da' }).click();
  await page.getByText(/angekommen/).waitFor();
  await page.getByText('1 von 1 da').waitFor();
  await page.screenshot({ path: join(shots, 'organiser-checkin.png'), fullPage: true });

  // The person's page shows the code for the entrance; the organiser's phone opens what it carries.
  const person = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE' });
  const own = await person.newPage();
  await own.goto(`${base}/r/${annaLink}`);
  await own.getByRole('img', { name: 'QR-Code für den Einlass' }).waitFor();
  await own.screenshot({ path: join(shots, 'person-entrance-code.png'), fullPage: true });
  const wide = await own.evaluate(() => [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > window.innerWidth).map((e) => e.tagName + '.' + e.className));
  assert.deepEqual(wide, [], 'wider than the phone');
  await person.close();
  await page.goto(`${base}${doorPath(annaLink)}`);
  await page.getByRole('heading', { name: 'Anna Müller' }).waitFor();
  await page.getByRole('button', { name: 'Rückgängig' }).waitFor();  // already checked in above
  assert.equal(await page.getByRole('button', { name: 'Ablehnen' }).count(), 0);
  await page.screenshot({ path: join(shots, 'organiser-door.png'), fullPage: true });
  await assertFits(page, 'the door page');

  // Nothing destructive in one click: rejecting asks once more, says who is mailed, and takes a reason.
  await registerAndConfirm('Ben Brauer', 'ben@schule.example');
  await page.goto(`${base}/admin/events/robotik-werkstatt`);
  await assertFits(page, 'the attendee list on a phone');
  await page.getByRole('row', { name: /Ben Brauer/ }).getByRole('button', { name: 'Ablehnen' }).click();
  await page.getByRole('heading', { name: 'Anmeldung von Ben Brauer ablehnen?' }).waitFor();
  await page.getByText('Ben Brauer (ben@schule.example) bekommt eine E-Mail').waitFor();
  await assertFits(page, 'the confirm page');
  await page.getByLabel(/Begründung/).fill('Die Werkstatt ist nur für Lehrkräfte aus Bochum.');
  await page.screenshot({ path: join(shots, 'organiser-reject-confirm.png'), fullPage: true });
  await page.getByRole('button', { name: 'Ja, ablehnen' }).click();
  await page.getByRole('row', { name: /Ben Brauer.*abgelehnt/ }).waitFor();
  assert.match(mailTo('ben@schule.example', 'abgelehnt'), /nur für Lehrkräfte aus Bochum/);

  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`${base}/admin/events/robotik-werkstatt/checkin`);
  await page.screenshot({ path: join(shots, 'organiser-checkin-desktop.png'), fullPage: true });

  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(`${base}/admin/events/robotik-werkstatt`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV' }).click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\uFEFFName;E-Mail;'), csv.slice(0, 40));
  const anna = csv.split('\r\n').find((line) => line.startsWith('Anna Müller;'));
  assert.ok(anna, csv);
  assert.match(anna, /;bestätigt;;/);
  assert.match(anna, /;\d{4}-\d\d-\d\d \d\d:\d\d$/);  // checked in
  console.log('browser organiser: 1 passed, 0 failed');
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
