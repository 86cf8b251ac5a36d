// Expands the one recurring VEVENT on standard input with ical.js, using only the VTIMEZONE in the same text,
// up to (not including) the instant in argv[2]; prints the occurrences as a JSON list of UTC ISO strings.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const ICAL = require(require.resolve('ical.js', { paths: [new URL('../conformance/', import.meta.url).pathname] }));
const root = new ICAL.Component(ICAL.parse(readFileSync(0, 'utf8')));
for (const vtz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
const event = new ICAL.Event(root.getFirstSubcomponent('vevent'));
const end = new Date(process.argv[2]);
const out = [];
const it = event.iterator();
for (let next = it.next(); next && out.length < 10000; next = it.next()) {
  const when = next.toJSDate();
  if (when >= end) break;
  out.push(when.toISOString().replace('.000Z', 'Z'));
}
console.log(JSON.stringify(out));
