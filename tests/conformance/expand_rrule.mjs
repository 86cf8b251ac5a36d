// Expands recurrence rules with the npm rrule package. Standard input: [{rule, start, until}] where `start` is
// the first wall time ("2027-01-26T17:00:00") and `until` the last wall time wanted; rrule.js has no time zones,
// so wall times are given and read as floating (its README's advice), UNTIL included. Prints one list of wall
// times per rule.
import { readFileSync } from 'node:fs';
import rrule from 'rrule';

const { RRule } = rrule;
const wall = (text) => new Date(text + 'Z');
const out = JSON.parse(readFileSync(0, 'utf8')).map(({ rule, start, until }) => {
  const options = RRule.parseString(rule);
  options.dtstart = wall(start);
  return new RRule(options).between(wall(start), wall(until), true).map((d) => d.toISOString().slice(0, 19));
});
console.log(JSON.stringify(out));
