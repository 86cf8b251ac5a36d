// Expands every recurring VEVENT (with its RECURRENCE-ID exceptions) in the feed on standard input with ical.js,
// from argv[2] up to argv[3] (ISO instants); prints [{uid, start, end, summary, status}] sorted by start.
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
out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
console.log(JSON.stringify(out));
