// Expands every recurring VEVENT (with its RECURRENCE-ID exceptions) in the feed on standard input with ical.js,
// from argv[2] up to argv[3] (ISO instants), adds the single VEVENTs of that time and prints
// [{uid, start, end, summary, status}] sorted by start.
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';

const root = new ICAL.Component(ICAL.parse(readFileSync(0, 'utf8')));
for (const vtz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
const from = new Date(process.argv[2]);
const to = new Date(process.argv[3]);
const vevents = root.getAllSubcomponents('vevent');
const out = [];
for (const master of vevents.filter((v) => v.hasProperty('rrule'))) {
  const event = new ICAL.Event(master);
  for (const v of vevents) {
    if (v.hasProperty('recurrence-id') && v.getFirstPropertyValue('uid') === event.uid) {
      event.relateException(new ICAL.Event(v));
    }
  }
  const it = event.iterator();
  for (let next = it.next(); next; next = it.next()) {
    const details = event.getOccurrenceDetails(next);
    const start = details.startDate.toJSDate();
    if (next.toJSDate() >= to && start >= to) break;
    if (start < from || start >= to) continue;
    const item = details.item;
    out.push({ uid: item.uid, start: start.toISOString().replace('.000Z', 'Z'),
               end: details.endDate.toJSDate().toISOString().replace('.000Z', 'Z'), summary: item.summary,
               status: item.component.getFirstPropertyValue('status') || 'CONFIRMED' });
  }
}
// Single dates: a series outside the rule subset is written as its dates, each with its own UID, and a date
// without its series (RECURRENCE-ID only) stands for itself.
const masters = new Set(vevents.filter((v) => v.hasProperty('rrule')).map((v) => v.getFirstPropertyValue('uid')));
for (const v of vevents.filter((x) => !x.hasProperty('rrule') && !masters.has(x.getFirstPropertyValue('uid')))) {
  const event = new ICAL.Event(v);
  const start = event.startDate.toJSDate();
  if (start < from || start >= to) continue;
  out.push({ uid: event.uid, start: start.toISOString().replace('.000Z', 'Z'),
             end: event.endDate.toJSDate().toISOString().replace('.000Z', 'Z'), summary: event.summary,
             status: v.getFirstPropertyValue('status') || 'CONFIRMED' });
}
const order = (e) => e.start + ' ' + e.uid;  // same start: by UID
out.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
console.log(JSON.stringify(out));
