// Browser test: a teacher registers on her phone. Real server, real Chromium (Debian) through playwright-core.
// Opens an event page, fills in the form with its questions, submits (a reload of the page it lands on sends no
// second mail), follows the confirmation link in the email (written to the maildir), sees "confirmed", changes an
// answer (first leaving a required one empty), cancels; then the same form with an error shown next to its
// field. No page of the journey is wider than the phone.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { shots, workFolder, local, importDocument, startServer, launchChromium, assertFits } from './harness.mjs';

const work = workFolder();
const db = join(work, 'b.db');
importDocument(work, db, {
  networks: [{ slug: 'ist-bochum', name: 'zdi-Netzwerk IST.Bochum.NRW' }],
  events: [{ slug: 'mint-barcamp', network: 'ist-bochum', kind: 'barcamp', title: 'MINT:Barcamp',
             start: local(30, 10), end: local(30, 17), time_zone: 'Europe/Berlin', venue: 'Körber-Forum',
             capacity: 120, registration_opens: local(-2, 9), registration_closes: local(29, 9),
             questions: [{ key: 'essen', label: 'Essen', type: 'single_choice', options: ['vegan', 'mit Fleisch'],
                           required: true },
                         { key: 'thema', label: 'Ihr Thema', type: 'text' }] }],
});
const { server, base } = await startServer(db);

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

const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE', isMobile: true });
  const page = await context.newPage();

  await page.goto(`${base}/events/mint-barcamp`);
  await page.getByLabel('Name').fill('Anna Müller');
  await page.getByLabel('E-Mail-Adresse').fill('anna@ist-bochum.de');
  await page.getByLabel('vegan').check();
  await page.getByLabel(/Datenschutzhinweise/).check();
  await assertFits(page, 'the event page');
  await page.screenshot({ path: join(shots, 'registration-form.png'), fullPage: true });
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('heading', { name: 'Bitte bestätigen Sie Ihre Anmeldung' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/events/mint-barcamp/registered');  // POST-redirect-GET
  await page.getByText('Wir haben eine E-Mail an anna@ist-bochum.de geschickt.').waitFor();
  await page.getByText(/Spam-Ordner/).waitFor();
  await assertFits(page, 'the page after registering');
  await page.screenshot({ path: join(shots, 'registration-inbox.png'), fullPage: true });
  const link = confirmLinkOf('anna@ist-bochum.de');
  await page.reload();  // a reload asks nothing and sends nothing again
  await page.getByText('Wir haben eine E-Mail an anna@ist-bochum.de geschickt.').waitFor();
  await new Promise((done) => setTimeout(done, 500));  // time for a second mail, were one sent
  const mails = readdirSync(join(work, 'maildir', 'new'));
  assert.equal(mails.length, 1, `one mail, not ${mails.length}`);

  assert.ok(link.startsWith(`${base}/r/`), link);
  await page.goto(link);
  await page.getByRole('button', { name: 'Anmeldung bestätigen' }).click();
  await page.getByText('Bestätigt. Wir freuen uns auf Sie!').waitFor();
  await assertFits(page, "the registration's page");
  await page.screenshot({ path: join(shots, 'registration-confirmed.png'), fullPage: true });

  // Changing one's answers while registration is open: the form comes filled in; a problem is shown at the top
  // and at its field, and nothing is saved until the form is right.
  await page.getByRole('link', { name: 'Antworten ändern' }).click();
  assert.equal(await page.getByLabel('vegan').isChecked(), true);
  await page.getByLabel('Ihr Thema').fill('Robotik im Sachunterricht');
  await page.evaluate(() => { document.querySelector('input[value="vegan"]').checked = false; });
  await page.getByRole('button', { name: 'Antworten speichern' }).click();
  await page.getByRole('link', { name: /^Essen: / }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'problems');
  assert.equal(await page.getByLabel('Ihr Thema').inputValue(), 'Robotik im Sachunterricht');
  await assertFits(page, 'the answers form with a problem');
  await page.screenshot({ path: join(shots, 'registration-answers-error.png'), fullPage: true });
  await page.getByLabel('mit Fleisch').check();
  await page.getByRole('button', { name: 'Antworten speichern' }).click();
  await page.getByText('Ihre Antworten sind gespeichert.').waitFor();
  await page.getByText('mit Fleisch', { exact: true }).waitFor();
  await page.getByText('Robotik im Sachunterricht', { exact: true }).waitFor();
  await page.screenshot({ path: join(shots, 'registration-answers-saved.png'), fullPage: true });

  await page.getByRole('link', { name: 'Abmelden' }).click();
  await page.getByRole('button', { name: 'Ja, abmelden' }).click();
  await page.getByText('Abgemeldet.').waitFor();

  // The same form with an error: the browser accepts "anna@example", our rules do not.
  await page.goto(`${base}/events/mint-barcamp`);
  await page.getByLabel('Name').fill('Bea Beispiel');
  await page.getByLabel('E-Mail-Adresse').fill('bea@example');
  await page.getByLabel('mit Fleisch').check();
  await page.getByLabel(/Datenschutzhinweise/).check();
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByText('Das ist keine gültige E-Mail-Adresse.', { exact: true }).waitFor();
  // The problems are listed at the top and take focus; each links to its field.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'problems');
  await page.getByRole('link', { name: 'E-Mail-Adresse: Das ist keine gültige E-Mail-Adresse.' }).click();
  assert.equal(new URL(page.url()).hash, '#f-email');
  assert.equal(await page.getByLabel('Name').inputValue(), 'Bea Beispiel');
  assert.equal(await page.getByLabel('E-Mail-Adresse').getAttribute('aria-invalid'), 'true');
  await assertFits(page, 'the form with a problem');
  await page.screenshot({ path: join(shots, 'registration-error.png'), fullPage: true });
  console.log('browser registration: 1 passed, 0 failed');
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
