#include "web/event_form_strings.hpp"

namespace tp::web {
namespace {

constexpr event_form_strings german{
    .new_event = "Neue Veranstaltung",
    .edit_event = "Veranstaltung bearbeiten",
    .new_series = "Neue Reihe",
    .edit_series = "Reihe bearbeiten",
    .problems_title = "Bitte prüfen Sie diese Angaben",
    .questions_title = "Fragen bei der Anmeldung",
    .save = "Speichern",
    .save_draft = "Als Entwurf speichern",
    .publish = "Speichern und veröffentlichen",
    .draft_note = "Entwurf: noch nicht öffentlich und nicht in den Kalendern. Veröffentlichen Sie, wenn alles stimmt.",
    .saved = "Gespeichert.",
    .saved_draft = "Noch ein Entwurf: Niemand sieht ihn außer Ihnen und Ihrem Netzwerk.",
    .saved_public = "Öffentlich und in den Kalendern:",
    .saved_cancelled = "Als abgesagt veröffentlicht; die Kalender zeigen die Absage.",
    .public_page = "Öffentliche Seite",
    .attendees = "Teilnehmende",
    .all_zones = "Alle Zeitzonen",
    .status_draft = "Entwurf (nicht öffentlich)",
    .status_published = "Veröffentlicht",
    .status_cancelled = "Abgesagt",
    .question = "Frage",
    .question_label = "Frage (leer: keine)",
    .answer_kind = "Art der Antwort",
    .choices = "Auswahlmöglichkeiten",
    .choices_hint = "Je Zeile eine; nur bei „Eine Auswahl“ und „Mehrere Auswahlen“.",
    .required = "Pflichtfrage",
    .type_text = "Text",
    .type_single = "Eine Auswahl",
    .type_multiple = "Mehrere Auswahlen",
    .type_checkbox = "Ankreuzen (ja/nein)",
    .change_mails =
        "Ändern Sie Beginn, Ende, Ort, Format oder Status, bekommen alle Angemeldeten ({n}, auch auf der "
        "Warteliste) eine E-Mail, die vorher und jetzt nennt.",
};

constexpr event_form_strings english{
    .new_event = "New event",
    .edit_event = "Edit event",
    .new_series = "New series",
    .edit_series = "Edit series",
    .problems_title = "Please check these fields",
    .questions_title = "Questions on the registration form",
    .save = "Save",
    .save_draft = "Save as draft",
    .publish = "Save and publish",
    .draft_note = "Draft: not public and in no calendar yet. Publish when everything is right.",
    .saved = "Saved.",
    .saved_draft = "Still a draft: nobody but you and your network sees it.",
    .saved_public = "Public and in the calendars:",
    .saved_cancelled = "Published as cancelled; calendars show the cancellation.",
    .public_page = "Public page",
    .attendees = "Attendees",
    .all_zones = "All time zones",
    .status_draft = "Draft (not public)",
    .status_published = "Published",
    .status_cancelled = "Cancelled",
    .question = "Question",
    .question_label = "Question (empty: none)",
    .answer_kind = "Kind of answer",
    .choices = "Choices",
    .choices_hint = "One per line; only for “One choice” and “Several choices”.",
    .required = "Required",
    .type_text = "Text",
    .type_single = "One choice",
    .type_multiple = "Several choices",
    .type_checkbox = "Tick box (yes/no)",
    .change_mails =
        "If you change the start, end, place, format or status, everyone registered ({n}, waiting list "
        "included) gets an email that says what it was and what it is now.",
};

}  // namespace

const event_form_strings& event_form_strings_for(lang l) { return l == lang::en ? english : german; }

}  // namespace tp::web
