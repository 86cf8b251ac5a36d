// Browser test: a barcamp on phones. Anna proposes a session from her registration's page (first with a mistake,
// shown next to the field), Ben votes for it, the organiser places it on a laptop, and the plan on a phone shows
// each session as a list entry with its room, without sideways scrolling.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { binary, shots, workFolder, local, importDocument, startServer, launchChromium, apiToken } from './harness.mjs';

const work = workFolder();
const db = join(work, 'b.db');
importDocument(work, db, {
  networks: [{ slug: 'ist-bochum', name: 'zdi-Netzwerk IST.Bochum.NRW' }],
  events: [{ slug: 'mint-barcamp', network: 'ist-bochum', kind: 'barcamp', title: 'MINT:Barcamp',
             start: local(30, 10), end: local(30, 17), time_zone: 'Europe/Berlin', venue: 'Körber-Forum',
             capacity: 120, registration_opens: local(-2, 9), registration_closes: local(29, 9) }],
});
execFileSync(binary, ['create-organiser', '--db', db, '--email', 'jana@ist-bochum.example', '--name', 'Jana',
                      '--role', 'organiser', '--network', 'ist-bochum', '--password-stdin'],
             { input: 'ein-langes-passwort\n' });
const { server, base } = await startServer(db);
const organiserToken = apiToken(db, 'jana@ist-bochum.example');

// A confirmed registration, entered by the organiser through the API (which answers with the link); returns it.
async function confirmedLink(name) {
  const answer = await fetch(`${base}/api/v1/events/mint-barcamp/registrations`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${organiserToken}` },
    body: JSON.stringify({ name, email: `${name.toLowerCase()}@example.org`, consent: true }),
  });
  const link = (await answer.json()).manage_url;
  const token = link.split('/').pop();
  assert.equal((await fetch(`${base}/api/v1/registrations/${token}/confirm`, { method: 'POST' })).status, 200);
  return link;
}

async function fitsThePhone(page) {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scroll <= width, `no sideways scrolling: ${scroll} > ${width}`);
}

const phone = { viewport: { width: 390, height: 844 }, locale: 'de-DE', isMobile: true, hasTouch: true };
const browser = await launchChromium();
try {
  const anna = await (await browser.newContext(phone)).newPage();
  await anna.goto(await confirmedLink('Anna'));
  await anna.getByRole('link', { name: 'Sessions vorschlagen und abstimmen' }).click();
  assert.equal(await anna.getByLabel('Wer leitet die Session?').inputValue(), 'Anna');
  await anna.getByLabel('Worum geht es? (optional)').fill('Calliope im Sachunterricht');
  await anna.getByRole('button', { name: 'Vorschlagen' }).click();  // no title yet
  await anna.getByText('Bitte ausfüllen.').waitFor();
  assert.equal(await anna.getByLabel('Titel').getAttribute('aria-invalid'), 'true');
  assert.equal(await anna.getByLabel('Worum geht es? (optional)').inputValue(), 'Calliope im Sachunterricht');
  await anna.getByLabel('Titel').fill('Roboter bauen');
  await anna.getByLabel('Art').selectOption('workshop');
  await anna.getByRole('button', { name: 'Vorschlagen' }).tap();
  const annasSession = anna.locator('li.session', { hasText: 'Roboter bauen' });
  await annasSession.getByText('Workshop · Anna · 0 Stimmen').waitFor();
  await fitsThePhone(anna);
  await anna.screenshot({ path: join(shots, 'sessions-proposed.png'), fullPage: true });

  const ben = await (await browser.newContext(phone)).newPage();
  await ben.goto(`${await confirmedLink('Ben')}/sessions`);
  const forBen = ben.locator('li.session', { hasText: 'Roboter bauen' });
  await forBen.getByRole('button', { name: 'Dafür stimmen' }).tap();
  await forBen.getByText('Workshop · Anna · 1 Stimme').waitFor();
  await forBen.getByRole('button', { name: 'Stimme zurücknehmen' }).waitFor();
  assert.equal(await forBen.getByRole('button', { name: 'Zurückziehen' }).count(), 0);  // not his to withdraw
  await ben.screenshot({ path: join(shots, 'sessions-voted.png'), fullPage: true });

  // The organiser places it on a laptop, without JavaScript.
  const orga = await (await browser.newContext({ locale: 'de-DE', javaScriptEnabled: false })).newPage();
  await orga.goto(`${base}/admin/login`);
  await orga.getByLabel('E-Mail-Adresse').fill('jana@ist-bochum.example');
  await orga.getByLabel('Passwort').fill('ein-langes-passwort');
  await orga.getByRole('button', { name: 'Anmelden' }).click();
  await orga.goto(`${base}/admin/events/mint-barcamp/sessions`);
  await orga.getByLabel('Raum', { exact: true }).fill('Aula');
  await orga.getByLabel('Plätze').fill('80');
  await orga.getByRole('button', { name: 'Raum hinzufügen' }).click();
  await orga.getByLabel('Von').fill('11:00');
  await orga.getByLabel('Bis').fill('11:45');
  await orga.getByRole('button', { name: 'Zeit hinzufügen' }).click();
  await orga.getByLabel('Raum für Roboter bauen').selectOption({ label: 'Aula (80)' });
  await orga.getByLabel('Zeit für Roboter bauen').selectOption({ index: 1 });
  await orga.getByRole('button', { name: 'Plan speichern' }).click();
  await orga.getByText('Keine Konflikte im Plan.').waitFor();

  // The plan on the phone: a list per slot, each session naming its room.
  await ben.goto(`${base}/events/mint-barcamp/sessions`);
  const cell = ben.locator('table.plan td', { hasText: 'Roboter bauen' });
  await cell.locator('.room-name', { hasText: 'Aula' }).waitFor({ state: 'visible' });
  assert.equal(await ben.locator('table.plan thead').isVisible(), false);
  await ben.getByText('11:00–11:45 Uhr').waitFor();
  await fitsThePhone(ben);
  await ben.screenshot({ path: join(shots, 'sessions-plan-phone.png'), fullPage: true });
  console.log('browser sessions: 1 passed, 0 failed');
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
