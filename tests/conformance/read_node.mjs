// Reads each iCalendar file named on the command line with node-ical and with ts-ics (validated by
// @ts-ics/schema-zod) and prints JSON: per file and library, every VEVENT as {uid, rid, summary, start, end}
// (instants in UTC, "2027-01-26T16:00:00Z"; dates as "2027-01-26"), or {error} when the library throws.
// Run with TZ=UTC.
import { readFileSync } from 'node:fs';
import ical from 'node-ical';
import { convertIcsCalendar } from 'ts-ics';
import { zIcsCalendar } from '@ts-ics/schema-zod';

const instant = (d) => d.toISOString().replace('.000Z', 'Z');
const day = (d) => d.toISOString().slice(0, 10);

function byNodeIcal(text) {
  const when = (d) => (d === undefined ? null : d.dateOnly ? day(d) : instant(d));
  const out = [];
  const add = (v) => out.push({ uid: v.uid, rid: v.recurrenceid ? when(v.recurrenceid) : null,
                                summary: String(v.summary), start: when(v.start), end: when(v.end) });
  for (const v of Object.values(ical.sync.parseICS(text))) {
    if (v.type !== 'VEVENT') continue;
    for (const each of [v, ...Object.values(v.recurrences || {})]) add(each);
  }
  // Each override is listed under two keys (its date and its instant), and a date without its master (a single
  // date's download) both as the event and as its override: one instance each, as a client shows them.
  const key = (e) => JSON.stringify(e);
  return out.filter((e, i) => out.findIndex((o) => key(o) === key(e)) === i);
}

function byTsIcs(text) {
  const when = (o) => (o === undefined ? null : o.type === 'DATE' ? day(o.date) : instant(o.date));
  const calendar = convertIcsCalendar(zIcsCalendar, text);
  return (calendar.events || []).map((v) => ({ uid: v.uid, rid: v.recurrenceId ? when(v.recurrenceId.value) : null,
                                               summary: v.summary, start: when(v.start), end: when(v.end) }));
}

const result = {};
for (const path of process.argv.slice(2)) {
  const text = readFileSync(path, 'utf8');
  result[path] = {};
  for (const [name, read] of [['node-ical', byNodeIcal], ['ts-ics', byTsIcs]]) {
    try {
      result[path][name] = read(text);
    } catch (e) {
      result[path][name] = { error: String(e && e.message ? e.message : e).slice(0, 500) };
    }
  }
}
console.log(JSON.stringify(result));
