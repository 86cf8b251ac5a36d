<?php
// Reads each iCalendar file named on the command line with sabre/vobject (Debian php-sabre-vobject; its
// vobjectvalidate wrapper cannot find its autoloader on Debian 12, so the library is called here) and prints JSON:
// per file, the problems validate() reports and every VEVENT as {uid, rid, summary, start, end} (instants in UTC,
// dates as "Y-m-d"), or {error} when the library throws.
require_once '/usr/share/php/Sabre/VObject/includes.php';

use Sabre\VObject;

function moment($property) {
    if ($property === null) return null;
    $when = $property->getDateTime();
    if ($property->getDateType() === VObject\Property\DateTime::DATE) return $when->format('Y-m-d');
    $when->setTimezone(new DateTimeZone('UTC'));
    return $when->format('Y-m-d\TH:i:s\Z');
}

// sabre/vobject 2.x gives TEXT values as written; its users unescape them (RFC 5545 3.3.11), as ownCloud did:
// https://github.com/owncloud/core/pull/2785 (3.x unescapes itself).
function text($property) {
    return preg_replace_callback('/\\\\([\\\\;,nN])/', function ($m) {
        return ($m[1] === 'n' || $m[1] === 'N') ? "\n" : $m[1];
    }, (string)$property);
}

function read_file($path) {
    $calendar = VObject\Reader::read(file_get_contents($path));
    $problems = [];
    foreach ($calendar->validate() as $warning) $problems[] = $warning['message'];
    $events = [];
    foreach ($calendar->select('VEVENT') as $e) {
        $events[] = ['uid' => (string)$e->UID, 'rid' => moment($e->{'RECURRENCE-ID'}),
                     'summary' => text($e->SUMMARY), 'start' => moment($e->DTSTART), 'end' => moment($e->DTEND)];
    }
    return ['problems' => $problems, 'events' => $events];
}

$out = [];
foreach (array_slice($argv, 1) as $path) {
    try {
        $out[$path] = read_file($path);
    } catch (Exception $e) {
        $out[$path] = ['error' => get_class($e) . ': ' . substr($e->getMessage(), 0, 500)];
    }
}
echo json_encode($out), "\n";
