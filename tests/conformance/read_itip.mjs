// Reads one iTIP object (an email's text/calendar part) from standard input with ical.js and prints what a
// calendar client would take from it, as JSON: method, and per VEVENT uid, sequence, status, start/end instants,
// organizer and attendees. Every property value is decoded, so a malformed one fails here.
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';

const root = new ICAL.Component(ICAL.parse(readFileSync(0, 'utf8')));
function decodeAll(component) {
  for (const p of component.getAllProperties()) p.getValues();
  for (const c of component.getAllSubcomponents()) decodeAll(c);
}
decodeAll(root);
for (const vtz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));

const events = root.getAllSubcomponents('vevent').map((v) => {
  const start = v.getFirstPropertyValue('dtstart');
  if (start.zone && start.zone.tzid === 'floating') throw new Error('floating DTSTART');
  return {
    uid: v.getFirstPropertyValue('uid'),
    sequence: v.getFirstPropertyValue('sequence'),
    status: v.getFirstPropertyValue('status'),
    start: start.toJSDate().toISOString(),
    end: v.getFirstPropertyValue('dtend').toJSDate().toISOString(),
    organizer: v.getFirstPropertyValue('organizer'),
    attendees: v.getAllProperties('attendee').map((a) => ({ value: a.getFirstValue(), cn: a.getParameter('cn') })),
  };
});
console.log(JSON.stringify({ method: root.getFirstPropertyValue('method'), events }));
