#include "web/form_messages.hpp"

#include <regex>
#include <utility>
#include <vector>

namespace tp::web {
namespace {

// English pattern (the whole message) and its German wording; $1, $2 take the pattern's groups.
const std::vector<std::pair<std::regex, std::string>>& german_table() {
    static const std::vector<std::pair<std::regex, std::string>> table = [] {
        const std::pair<const char*, const char*> rows[] = {
            {"is required|must not be empty", "Bitte ausfüllen."},
            {"must be a string", "Bitte als Text angeben."},
            {"'(.*)' is not one of (.*)", "„$1“ ist keine der möglichen Angaben ($2)."},
            {"must be true or false", "Bitte ja oder nein angeben."},
            {"must be null or a whole number from 0 to ([0-9]+)", "Eine ganze Zahl von 0 bis $1, oder leer lassen."},
            {"must be a whole number from ([0-9]+) to ([0-9]+)", "Eine ganze Zahl von $1 bis $2."},
            {"must be a list", "Bitte als Liste angeben."},
            {"must be empty \\(no limit\\) or a whole number", "Eine ganze Zahl, oder leer lassen (unbegrenzt)."},
            {"write each line as: original date-time -> new date-time \\(or -> cancelled\\)",
             "Je Zeile: alter Termin -> neuer Termin (oder -> abgesagt)."},
            {"is not a known field", "Dieses Feld gibt es nicht."},
            {"must be 1 to 80 characters", "1 bis 80 Zeichen."},
            {"may contain only a-z, 0-9 and '-'", "Nur a–z, 0–9 und „-“ (keine Umlaute, keine Leerzeichen)."},
            {"must not start or end with '-'", "Darf nicht mit „-“ beginnen oder enden."},
            {"is not valid UTF-8", "Enthält ungültige Zeichen."},
            {"must be one line without control characters", "Eine Zeile ohne Steuerzeichen."},
            {"contains control characters", "Enthält Steuerzeichen."},
            {"is not an email address", "Das ist keine gültige E-Mail-Adresse."},
            {"is not an absolute URL", "Bitte eine vollständige Adresse wie https://example.org angeben."},
            {"must start with http:// or https://", "Die Adresse muss mit http:// oder https:// beginnen."},
            {"has no host", "Der Adresse fehlt der Servername."},
            {"is longer than ([0-9]+) characters", "Höchstens $1 Zeichen."},
            {"the last day is before the first day", "Der letzte Tag liegt vor dem ersten."},
            {"must be after start", "Das Ende liegt vor dem Beginn."},
            {"must be after registration_opens", "Das Ende der Anmeldung liegt vor ihrem Beginn."},
            {"needs a start", "Dazu gehört ein Beginn."},
            {"'(.*)' is not an IANA time zone", "„$1“ ist keine bekannte Zeitzone."},
            {"must be a local date and time", "Ein Datum mit Uhrzeit wie 2027-09-20T10:00."},
            {"'(.*)' is not a date of the form YYYY-MM-DD( \\(all-day events take dates\\))?",
             "„$1“ ist kein Datum der Form JJJJ-MM-TT."},
            {"'(.*)' is not a valid calendar date.*", "Den Tag „$1“ gibt es nicht."},
            {"'(.*)' is not a date and time of the form YYYY-MM-DDTHH:MM",
             "„$1“ ist kein Datum mit Uhrzeit der Form JJJJ-MM-TTTHH:MM."},
            {"'(.*)' is not a valid time of day", "„$1“ ist keine gültige Uhrzeit."},
            {"'(.*)' lies outside the supported years.*", "„$1“ liegt außerhalb der unterstützten Jahre."},
            {"(.*) does not exist in (.*) \\(the clocks move forward then\\)",
             "$1 gibt es in $2 nicht: Die Uhren werden dann auf Sommerzeit vorgestellt."},
            {"(.*) happens twice in (.*) \\(the clocks move back then\\)",
             "$1 gibt es in $2 zweimal: Die Uhren werden dann auf Winterzeit zurückgestellt. Bitte eine Zeit "
             "davor oder danach wählen."},
            {"(.*) is not a date of the series", "$1 ist kein Termin der Reihe."},
            {"(.*) is not a date of the rule (.*)", "$1 ist kein Termin der Regel $2."},
            {"UNTIL must be a UTC time .*", "UNTIL muss eine UTC-Zeit sein (JJJJMMTTTHHMMSSZ)."},
            {"a choice needs at least two options", "Eine Auswahl braucht mindestens zwei Möglichkeiten."},
            {"only single_choice and multiple_choice have options", "Nur Auswahlfragen haben Möglichkeiten."},
            {"must be a list of one-line texts", "Je Zeile eine Möglichkeit."},
            {"'(.*)' appears more than once", "„$1“ kommt mehr als einmal vor."},
            {"appears more than once", "Kommt mehr als einmal vor."},
            {"must be like \"7d\", \"36h\" or \"90m\", from 15m to 60d",
             "Angaben wie 7d, 36h oder 90m, von 15m bis 60d, mit Komma getrennt."},
            {"at most ([0-9]+)", "Höchstens $1."},
            {"must be an object", "Bitte als Objekt angeben."},
            {"the rule is empty", "Die Regel ist leer."},
            {"FREQ is required", "Die Regel braucht FREQ."},
            {"COUNT and UNTIL must not both be given", "COUNT und UNTIL gehen nicht zusammen."},
            {"(.*) is not supported \\(DAILY, WEEKLY, MONTHLY, YEARLY\\)",
             "$1 geht nicht; möglich sind DAILY, WEEKLY, MONTHLY und YEARLY."},
            {"([A-Z]+): '(.*)' is not a weekday.*", "$1: „$2“ ist kein Wochentag (MO, TU, WE, TH, FR, SA, SU)."},
            {"BYDAY: the ordinal in '(.*)' must not be 0", "BYDAY: In „$1“ darf die Zahl nicht 0 sein."},
            {"(BY[A-Z]+) does not go with (FREQ=[A-Z]+)", "$1 passt nicht zu $2."},
            {"BYDAY with a number \\(like 2TU\\) needs FREQ=MONTHLY or FREQ=YEARLY",
             "BYDAY mit einer Zahl (wie 2TU) geht nur mit FREQ=MONTHLY oder FREQ=YEARLY."},
            {"BYSETPOS needs another BY part.*",
             "BYSETPOS braucht einen weiteren BY-Teil (BYDAY, BYMONTHDAY oder BYMONTH)."},
            {"(BY[A-Z]+): 0 is not a .*", "$1: 0 ist hier nicht möglich."},
            {"UNTIL: '(.*)' must be a date .*",
             "UNTIL: „$1“ ist weder Datum (JJJJMMTT) noch UTC-Zeit (JJJJMMTTTHHMMSSZ)."},
            {"UNTIL: '(.*)' is not a valid (date|time)", "UNTIL: „$1“ ist kein gültiges Datum."},
            {"UNTIL: in '(.*)' the year must lie between 1900 and 2999",
             "UNTIL: In „$1“ muss das Jahr zwischen 1900 und 2999 liegen."},
            {"FREQ: '(.*)' is not one of .*", "FREQ: „$1“ geht nicht; möglich sind DAILY, WEEKLY, MONTHLY und YEARLY."},
            {"'(.*)' is not a rule part", "„$1“ ist kein Teil einer Regel."},
            {"'(.*)' is not of the form NAME=VALUE", "„$1“ hat nicht die Form NAME=WERT."},
        };
        std::vector<std::pair<std::regex, std::string>> out;
        for (const auto& [english, german] : rows) out.emplace_back(std::regex(english), german);
        return out;
    }();
    return table;
}

}  // namespace

std::string form_message(const std::string& english, lang l) {
    if (english.empty()) return english;
    if (l == lang::en) {
        auto out = english;
        if (out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
        return out;
    }
    std::string out;
    for (std::size_t start = 0; start <= english.size();) {  // joined problems of one field: "a; b"
        const auto end = std::min(english.find("; ", start), english.size());
        auto part = english.substr(start, end - start);
        static const std::regex nested("[a-z_]+(\\[[0-9]+\\])?( \\([^)]*\\))?: (.*)");  // "options: ..." of a question
        std::smatch inner;
        while (std::regex_match(part, inner, nested)) part = inner[3].str();
        std::string german = part;  // not the import's English: already in the page's language (field_refusal)
        for (const auto& [pattern, wording] : german_table())
            if (std::regex_match(part, pattern)) {
                german = std::regex_replace(part, pattern, wording);
                break;
            }
        out += (out.empty() ? "" : " ") + german;
        start = end + 2;
    }
    return out;
}

}  // namespace tp::web
