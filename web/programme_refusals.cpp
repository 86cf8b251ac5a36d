#include "web/programme_refusals.hpp"

namespace tp::web {

std::string refusal_text(calendar::programme_refusal r, lang l) {
    const bool de = l == lang::de;
    using refusal = calendar::programme_refusal;
    switch (r) {
        case refusal::not_a_barcamp:
            return de ? "Nur ein Barcamp hat ein Sessionprogramm." : "Only a barcamp has a session programme.";
        case refusal::not_confirmed:
            return de ? "Vorschlagen und abstimmen können nur bestätigte Teilnehmende."
                      : "Only confirmed participants can propose and vote.";
        case refusal::closed: return de ? "Das Barcamp ist vorbei oder abgesagt." : "The barcamp is over or cancelled.";
        case refusal::unknown_session:
            return de ? "Diese Session gibt es nicht (mehr)." : "That session does not exist (any more).";
        case refusal::not_yours:
            return de ? "Nur wer eine Session vorgeschlagen hat, kann sie zurückziehen."
                      : "Only the person who proposed a session can withdraw it.";
        case refusal::too_many_proposals:
            return (de ? "Höchstens " : "At most ") + std::to_string(calendar::max_proposals_per_person) +
                   (de ? " Vorschläge pro Person; ziehen Sie einen zurück, um einen neuen zu machen."
                       : " proposals per person; withdraw one to make another.");
        case refusal::programme_full:
            return de ? "Das Programm hat seine Höchstzahl erreicht (Sessions, Räume oder Zeiten)."
                      : "The programme has reached its limit (sessions, rooms or time slots).";
        case refusal::unknown_room:
        case refusal::unknown_slot:
            return de ? "Bitte Raum und Zeit wählen, oder keins von beiden."
                      : "Please choose a room and a time, or neither.";
        case refusal::duplicate_room:
            return de ? "Einen Raum mit diesem Namen gibt es schon." : "A room of that name exists.";
        case refusal::slot_outside_event:
            return de ? "Die Zeit muss innerhalb des Barcamps liegen." : "The time slot must lie within the barcamp.";
    }
    return de ? "Nicht möglich." : "Not possible.";
}

}  // namespace tp::web
