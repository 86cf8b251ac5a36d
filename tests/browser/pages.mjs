// Every page template as a visitor meets it, signed in and not, with forms shown again with errors, checked by
// independent tools: axe-core (WCAG 2.1 A and AA) in Debian's Chromium at a phone's 390 px and a laptop's
// 1366 px, no sideways scrolling at either width in German and English, and the Nu HTML checker (vnu.jar, Java)
// over the HTML exactly as the server sent it. Screenshots land in build/screenshots/ for a person to look at.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { binary, workFolder, launchChromium, apiToken } from './harness.mjs';
import { startDemoServer, registerAndConfirm } from './demo.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const vnuJar = join(require.resolve('vnu-jar'), '..', 'build', 'dist', 'vnu.jar');
const shotFolder = process.env.PAGE_SHOTS || join(workFolder(), 'shots');
mkdirSync(shotFolder, { recursive: true });

const work = workFolder();
const htmlFolder = join(work, 'html');
mkdirSync(htmlFolder);
const { server, base, db } = await startDemoServer(work);
execFileSync(binary, ['create-organiser', '--db', db, '--email', 'jana@mint-regionen.example', '--name', 'Jana Koch',
                      '--network', 'mint-regionen', '--password-stdin'], { input: 'ein-langes-passwort\n' });
const token = apiToken(db, 'jana@mint-regionen.example');
const barcampLink = await registerAndConfirm(base, token, 'mint-barcamp', 'Ülkü Yılmaz', 'uelkue@schule.example');
const webinarLink = await registerAndConfirm(base, token, 'webinar-mint-und-maedchen', 'Jörg Öztürk',
                                             'joerg@schule.example');

const problems = [];
const widths = [390, 1366];

// Runs the overflow check on the page as it stands and keeps its source; in German also axe and a screenshot at
// both widths. English pages share the templates (axe would find the same), so they get the width check, the Nu
// checker and a phone screenshot: this keeps the test near a minute on two cores.
async function check(page, name, width, source, german) {
  if (german) {
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => await globalThis.axe.run(
      document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'], resultTypes: ['violations'] }));
    for (const v of result.violations) {
      const where = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ');
      problems.push(`${name} @${width}: axe ${v.id} (${v.impact}): ${v.help} at ${where}`);
    }
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) problems.push(`${name} @${width}: ${overflow} px wider than the window`);
  if (german || width === widths[0])
    await page.screenshot({ path: join(shotFolder, `${name}-${width}.png`), fullPage: true });
  if (width === widths[0]) writeFileSync(join(htmlFolder, `${name}.html`), source);
}

async function visit(page, name, path, german) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    const response = await page.goto(base + path);
    await check(page, name, width, await response.text(), german);
  }
}

// Submits the form the page shows with the browser's own checks off, so the server's error page is what we see.
async function submitBlank(page, name, path, button, german) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(base + path);
    await page.evaluate(() => document.querySelectorAll('form').forEach((f) => { f.noValidate = true; }));
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: button, exact: true }).click(),
    ]);
    await page.waitForLoadState();
    await check(page, name, width, await response.text(), german);
  }
}

const publicPages = [
  ['home', '/'], ['home-search', '/?q=webinar&network=mint-regionen'], ['home-no-results', '/?q=gibt-es-nicht'],
  ['networks', '/networks'], ['network', '/networks/mint-regionen'],
  ['event-webinar', '/events/webinar-mint-und-maedchen'], ['event-barcamp', '/events/mint-barcamp'],
  ['event-cancelled', '/events/mint-stammtisch-gelsenkirchen'], ['event-all-day', '/events/tag-der-offenen-labore'],
  ['barcamp-plan', '/events/mint-barcamp/sessions'], ['series', '/series/alumni-austauschrunde'],
  ['registered', '/events/webinar-mint-und-maedchen/registered'], ['privacy', '/datenschutz'], ['not-found', '/events/gibt-es-nicht'],
  ['registration', `/r/${webinarLink}`], ['registration-cancel', `/r/${webinarLink}/cancel`],
  ['registration-feed', `/r/${webinarLink}/feed`], ['registration-answers', `/r/${webinarLink}/answers`],
  ['registration-unsubscribe', `/r/${webinarLink}/unsubscribe`], ['registration-sessions', `/r/${barcampLink}/sessions`],
  ['unknown-link', '/r/abc'], ['login', '/admin/login'], ['password-reset', '/admin/reset'],
];
const adminPages = [
  ['admin-home', '/admin'], ['admin-event-new', '/admin/events/new'], ['admin-series-new', '/admin/series/new'],
  ['admin-attendees', '/admin/events/mint-barcamp'], ['admin-event-edit', '/admin/events/mint-barcamp/edit'],
  ['admin-programme', '/admin/events/mint-barcamp/sessions'], ['admin-checkin', '/admin/events/mint-barcamp/checkin'],
  ['admin-checkin-list', '/admin/events/mint-barcamp/checkin-list'],
  ['admin-audit', '/admin/events/mint-barcamp/audit'], ['admin-series-edit', '/admin/series/alumni-austauschrunde/edit'],
];

// Both languages at once: each page waits on the server and on Chromium in turn, so two run side by side.
async function checkLanguage(browser, locale) {
  const context = await browser.newContext({ locale, bypassCSP: true });  // axe is injected as a script
  const page = await context.newPage();
  const german = locale === 'de-DE';
  const suffix = german ? '' : '-en';
  for (const [name, path] of publicPages) await visit(page, name + suffix, path, german);
  await submitBlank(page, 'registration-errors' + suffix, '/events/webinar-newsletter-gestalten',
                    german ? 'Anmelden' : 'Register', german);
  await page.goto(`${base}/admin/login`);
  await page.locator('input[name=email]').fill('jana@mint-regionen.example');
  await page.locator('input[name=password]').fill('ein-langes-passwort');
  await page.locator('form button[type=submit]').first().click();
  await page.waitForLoadState();
  for (const [name, path] of adminPages) await visit(page, name + suffix, path, german);
  await submitBlank(page, 'admin-event-errors' + suffix, '/admin/events/new',
                    german ? 'Als Entwurf speichern' : 'Save as draft', german);
  await context.close();
}

// The copy button: hidden without the script, shown by /static/copy.js, and it says when it has copied.
async function checkCopyButton(browser) {
  const context = await browser.newContext({ locale: 'de-DE' });  // the site's own CSP: the script must pass it
  const page = await context.newPage();
  await page.goto(`${base}/networks/mint-regionen`);
  await page.getByRole('button', { name: 'Kopieren' }).click();
  await page.getByRole('button', { name: 'Kopiert' }).waitFor();
  await context.close();
}

const browser = await launchChromium();
try {
  await checkCopyButton(browser);
  await Promise.all(['de-DE', 'en-GB'].map((locale) => checkLanguage(browser, locale)));
} finally {
  await browser.close();
  server.kill('SIGTERM');
}

// The Nu checker reads every page's source at once (one Java start); warnings are left to people, errors fail.
let report;
try {
  report = execFileSync('java', ['-jar', vnuJar, '--format', 'json', '--errors-only', htmlFolder],
                        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
} catch (e) {
  report = e.stderr || e.stdout;
}
for (const m of JSON.parse(report || '{"messages":[]}').messages) {
  const page = m.url.replace(/^.*\//, '');
  problems.push(`${page}:${m.lastLine}: vnu ${m.type}: ${m.message} [${(m.extract || '').trim().slice(0, 80)}]`);
}
rmSync(work, { recursive: true, force: true });

const checked = (publicPages.length + adminPages.length + 2) * 2;
if (problems.length) {
  console.log(problems.join('\n'));
  console.log(`pages: ${problems.length} problems in ${checked} pages (screenshots in ${shotFolder})`);
  process.exit(1);
}
console.log(`pages: ${checked} pages (German and English) at ${widths.join(' and ')} px pass axe, vnu and the width check`);
