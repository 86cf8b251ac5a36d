#include "web/privacy_template.hpp"

#include <algorithm>
#include <span>
#include <utility>

namespace tp::web {
namespace {

using section = std::pair<const char*, const char*>;  // heading, text; paragraphs split by "\n"

constexpr section german[] = {
    {"Vorlage",
     "Dies ist die Vorlage des Betriebs. Die betreibende Organisation ersetzt die markierten Angaben "
     "[in eckigen Klammern] durch ihre eigenen und hinterlegt den Text mit --privacy-file."},
    {"Verantwortlich",
     "[Name der Organisation], [Anschrift], [E-Mail-Adresse], [Telefon].\n"
     "Datenschutzbeauftragte Person: [Name und Kontakt, falls benannt]."},
    {"Welche Daten wir verarbeiten und wozu",
     "Bei der Anmeldung zu einer Veranstaltung: Name, E-Mail-Adresse, Organisation (freiwillig) und Ihre "
     "Antworten auf die Fragen der Veranstaltung. Wir nutzen sie, um Ihre Anmeldung zu bestätigen, die "
     "Warteliste zu führen, Ihnen Einladungen, Erinnerungen und Änderungen per E-Mail zu schicken, die "
     "Teilnehmendenliste für den Einlass zu führen und Ihnen auf Wunsch einen persönlichen Kalender anzubieten.\n"
     "Beim Besuch der Seiten: technische Angaben (Zeitpunkt, aufgerufene Seite, IP-Adresse) im Protokoll des "
     "Servers, um den Betrieb zu sichern und Missbrauch abzuwehren."},
    {"Rechtsgrundlagen",
     "Ihre Teilnahme an der Veranstaltung: Art. 6 Abs. 1 lit. b DSGVO. Freiwillige Angaben und Antworten: Ihre "
     "Einwilligung, Art. 6 Abs. 1 lit. a DSGVO. Server-Protokolle: unser berechtigtes Interesse an einem sicheren "
     "Betrieb, Art. 6 Abs. 1 lit. f DSGVO."},
    {"Empfänger",
     "Die Koordinatorinnen und Koordinatoren des Netzwerks, das die Veranstaltung ausrichtet. "
     "Dienstleister, die in unserem Auftrag handeln: [Hosting-Anbieter], [E-Mail-Versand]. "
     "Eine Übermittlung in Länder außerhalb der EU findet [nicht] statt."},
    {"Speicherdauer",
     "Nicht bestätigte Anmeldungen verfallen nach 48 Stunden. Anmeldungen löschen oder anonymisieren wir [Anzahl] "
     "Monate nach der Veranstaltung. Server-Protokolle bewahren wir [Anzahl] Tage auf."},
    {"Ihre Rechte",
     "Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17), "
     "Einschränkung der Verarbeitung (Art. 18), Datenübertragbarkeit (Art. 20) und Widerspruch (Art. 21). Eine "
     "Einwilligung können Sie jederzeit mit Wirkung für die Zukunft widerrufen (Art. 7 Abs. 3). Abmelden können "
     "Sie sich jederzeit über den Link in unseren E-Mails. Schreiben Sie uns dazu an [E-Mail-Adresse].\n"
     "Sie können sich bei einer Aufsichtsbehörde beschweren (Art. 77 DSGVO), etwa bei [zuständige "
     "Landesdatenschutzbehörde]."},
    {"Cookies",
     "Wir setzen nur Cookies, die für die Seiten nötig sind: zum Schutz der Formulare, für die Anmeldung "
     "der Organisierenden und für den Hinweis nach Ihrer Anmeldung. Wir verwenden keine Cookies zur "
     "Analyse oder Werbung."},
};

constexpr section english[] = {
    {"Template",
     "This is the template the software ships with. The operating organisation replaces the marked "
     "details [in square brackets] with its own and sets the text with --privacy-file."},
    {"Controller",
     "[Name of the organisation], [address], [email address], [telephone].\n"
     "Data protection officer: [name and contact, if appointed]."},
    {"What data we process and why",
     "When you register for an event: name, email address, organisation (optional) and your answers to the "
     "event's questions. We use them to confirm your registration, keep the waiting list, send you invitations, "
     "reminders and changes by email, keep the attendee list for the entrance and, if you wish, offer you a "
     "personal calendar.\n"
     "When you visit the pages: technical details (time, page, IP address) in the server's log, to keep the "
     "service running and to fend off abuse."},
    {"Legal bases",
     "Your taking part in the event: Art. 6(1)(b) GDPR. Optional details and answers: your consent, Art. 6(1)(a) "
     "GDPR. Server logs: our legitimate interest in a secure service, Art. 6(1)(f) GDPR."},
    {"Recipients",
     "The coordinators of the network that runs the event. Processors acting on our behalf: [hosting "
     "provider], [email delivery]. Data is [not] transferred to countries outside the EU."},
    {"Retention",
     "Unconfirmed registrations expire after 48 hours. We delete or anonymise registrations [number] "
     "months after the event. We keep server logs for [number] days."},
    {"Your rights",
     "You have the right of access (Art. 15 GDPR), rectification (Art. 16), erasure (Art. 17), restriction of "
     "processing (Art. 18), data portability (Art. 20) and to object (Art. 21). You can withdraw consent at any "
     "time for the future (Art. 7(3)). You can cancel your registration at any time through the link in our "
     "emails. Write to us at [email address].\n"
     "You may complain to a supervisory authority (Art. 77 GDPR), for example [the competent state data "
     "protection authority]."},
    {"Cookies",
     "We set only the cookies the pages need: to protect the forms, to sign organisers in and for the "
     "note after you register. We use no cookies for analytics or advertising."},
};

// A line with its [placeholders] marked.
html marked(std::string_view line) {
    html out;
    while (!line.empty()) {
        const auto open = line.find('['), close = line.find(']', open);
        if (open == std::string_view::npos || close == std::string_view::npos) return out + text(line);
        out += text(line.substr(0, open)) +
               tag("mark", {{"class", "placeholder"}}, text(line.substr(open, close - open + 1)));
        line.remove_prefix(close + 1);
    }
    return out;
}

}  // namespace

html privacy_template(lang l) {
    html out;
    for (const auto& [heading, body] :
         l == lang::en ? std::span<const section>(english) : std::span<const section>(german)) {
        out += tag("h2", text(heading));
        std::string_view rest(body);
        while (!rest.empty()) {
            const auto end = std::min(rest.find('\n'), rest.size());
            out += tag("p", marked(rest.substr(0, end)));
            rest.remove_prefix(std::min(end + 1, rest.size()));
        }
    }
    return out;
}

}  // namespace tp::web
