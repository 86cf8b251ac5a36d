# Reads each iCalendar file named on the command line with ruby-icalendar (Debian) and prints JSON: per file, its
# VEVENTs as {uid, rid, summary, start, end} (instants in UTC, "2027-01-26T16:00:00Z"; dates as "2027-01-26"), or
# {error} when the library fails on it.
require "stringio"  # icalendar 2.8 uses StringIO without requiring it
require "icalendar"
require "json"

def moment(value)
  return nil if value.nil?
  return value.strftime("%Y-%m-%d") if value.is_a?(Icalendar::Values::Date)
  value.to_time.utc.strftime("%Y-%m-%dT%H:%M:%SZ")
end

def events(path)
  Icalendar::Calendar.parse(File.read(path, encoding: "UTF-8")).flat_map(&:events).map do |e|
    { uid: e.uid.to_s, rid: moment(e.recurrence_id), summary: e.summary.to_s, start: moment(e.dtstart),
      end: moment(e.dtend) }
  end
rescue StandardError => e
  { error: "#{e.class}: #{e.message}"[0, 500] }
end

puts JSON.generate(ARGV.to_h { |path| [path, events(path)] })
