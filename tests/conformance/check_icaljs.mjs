// Reads one of our feeds with ical.js (Thunderbird's parser) and compares every event with the expectation.
// Our VTIMEZONEs are registered so ical.js computes instants from them; an unknown TZID would silently become
// floating time in ical.js, so every TZID is checked to resolve to its zone.
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';

const [, , icsPath, expectedPath, seriesDatesPath] = process.argv;
const expected = JSON.parse(readFileSync(expectedPath, 'utf8'));
// The UIDs of dates of series written as their dates (optional): expand_series.mjs checks them.
const seriesDates = new Set(seriesDatesPath ? JSON.parse(readFileSync(seriesDatesPath, 'utf8')) : []);
const root = new ICAL.Component(ICAL.parse(readFileSync(icsPath, 'utf8')));
const failures = [];

function decodeAll(component) {
  for (const p of component.getAllProperties()) p.getValues();
  for (const c of component.getAllSubcomponents()) decodeAll(c);
}
decodeAll(root);

for (const vtz of root.getAllSubcomponents('vtimezone')) {
  ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
}

function compare(slug, which, time, tzid, exp) {
  if (exp.all_day) {
    if (!time.isDate) failures.push(`${slug} ${which}: not a DATE`);
    if (time.toString() !== exp[which]) failures.push(`${slug} ${which}: ${time.toString()} != ${exp[which]}`);
    return;
  }
  if (tzid && (!time.zone || time.zone.tzid !== tzid)) {
    failures.push(`${slug} ${which}: TZID ${tzid} resolved to ${time.zone ? time.zone.tzid : 'nothing'}`);
  }
  if (time.zone && time.zone.tzid === 'floating') failures.push(`${slug} ${which}: floating`);
  const got = time.toJSDate().toISOString();
  if (got !== exp[which]) failures.push(`${slug} ${which}: ${got} != ${exp[which]}`);
}

const seen = new Set();
for (const vevent of root.getAllSubcomponents('vevent')) {
  if (vevent.hasProperty('rrule') || vevent.hasProperty('recurrence-id')) continue;  // series: expand_series.mjs
  if (seriesDates.has(vevent.getFirstPropertyValue('uid'))) continue;
  const event = new ICAL.Event(vevent);
  const slug = String(vevent.getFirstPropertyValue('url')).split('/').pop();
  const exp = expected[slug];
  seen.add(slug);
  if (!exp) { failures.push(`unexpected event ${slug}`); continue; }
  if (!event.uid) failures.push(`${slug}: no UID`);
  if (event.summary !== exp.summary) failures.push(`${slug}: summary ${JSON.stringify(event.summary)}`);
  compare(slug, 'start', event.startDate, vevent.getFirstProperty('dtstart').getParameter('tzid'), exp);
  compare(slug, 'end', event.endDate, vevent.getFirstProperty('dtend').getParameter('tzid'), exp);
}
for (const slug of Object.keys(expected)) if (!seen.has(slug)) failures.push(`missing event ${slug}`);

if (failures.length) {
  console.log(failures.join('\n'));
  process.exit(1);
}
