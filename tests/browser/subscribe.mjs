// Browser test: a coordinator on her phone finds events and subscribes. Demo data on the real server, Debian's
// Chromium. She searches the home page (the search stays in the month links), opens a network's page, and
// subscribes: the Google and Outlook links carry the feed's address, the address to copy fetches a calendar,
// and the how-to opens. No page is wider than the phone.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { shots, workFolder, launchChromium, assertFits } from './harness.mjs';
import { startDemoServer } from './demo.mjs';

const work = workFolder();
const { server, base } = await startDemoServer(work);
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE', isMobile: true });
  const page = await context.newPage();

  await page.goto(base);
  await page.getByLabel('Suche').fill('webinar');
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  await page.getByText(/^\d+ Veranstaltungen gefunden für „webinar“\.$/).waitFor();
  assert.equal(new URL(page.url()).searchParams.get('q'), 'webinar');
  await assertFits(page, 'the search result');
  const months = page.getByRole('navigation', { name: 'Monate' }).getByRole('link');
  assert.ok(await months.count() >= 2, 'the webinars span several months');
  await months.nth(1).click();
  assert.equal(new URL(page.url()).searchParams.get('q'), 'webinar');  // the search is kept
  assert.equal(await page.getByLabel('Suche').inputValue(), 'webinar');
  await page.screenshot({ path: join(shots, 'subscribe-search.png'), fullPage: true });

  await page.goto(`${base}/networks/mint-regionen`);
  await assertFits(page, "the network's page");
  const feed = await page.getByLabel('Adresse des Kalenders').inputValue();
  assert.match(feed, /^http:\/\/127\.0\.0\.1:\d+\/networks\/mint-regionen\/calendar\.ics$/);
  const google = new URL(await page.getByRole('link', { name: 'Google Kalender' }).getAttribute('href'));
  assert.equal(google.origin + google.pathname, 'https://calendar.google.com/calendar/r');
  assert.equal(google.searchParams.get('cid'), feed.replace(/^http:/, 'webcal:'));
  const outlook = new URL(await page.getByRole('link', { name: 'Outlook.com' }).getAttribute('href'));
  assert.equal(outlook.origin + outlook.pathname, 'https://outlook.live.com/calendar/0/addfromweb');
  assert.equal(outlook.searchParams.get('url'), feed);
  const webcal = await page.getByRole('link', { name: /Apple Kalender/ }).getAttribute('href');
  assert.equal(webcal, feed.replace(/^http:/, 'webcal:'));
  const calendar = await fetch(feed);
  assert.equal(calendar.status, 200);
  assert.match(calendar.headers.get('content-type'), /^text\/calendar/);
  assert.ok((await calendar.text()).startsWith('BEGIN:VCALENDAR\r\n'));
  await page.getByText('So geht es von Hand').click();
  await page.getByText(/Kalenderabo hinzufügen/).waitFor();
  await assertFits(page, 'the how-to, opened');
  await page.screenshot({ path: join(shots, 'subscribe-network.png'), fullPage: true });
  console.log('browser subscribe: 1 passed, 0 failed');
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
