#include "web/account_pages.hpp"

#include "web/layout.hpp"

namespace tp::web {
namespace {

html hidden(std::string_view name, std::string_view value) {
    return void_tag("input", {{"type", "hidden"}, {"name", name}, {"value", value}});
}

html labelled(std::string_view id, std::string_view label, html control) {
    return tag("div", {{"class", "field"}}, tag("label", {{"for", id}}, text(label)) + control);
}

}  // namespace

html password_page(const page_context& ctx, const std::string& token, const std::string& csrf,
                   const std::string& error) {
    const bool de = ctx.language == lang::de;
    const std::string title = de ? "Passwort festlegen" : "Set your password";
    html body = tag("h1", text(title));
    if (!error.empty()) body += tag("p", {{"class", "error"}, {"role", "alert"}}, text(error));
    body +=
        tag("form", {{"method", "post"}, {"action", href(ctx, "/admin/password")}, {"class", "stacked card"}},
            hidden("csrf", csrf) + hidden("token", token) +
                labelled("pw1", de ? "Neues Passwort (mindestens 10 Zeichen)" : "New password (at least 10 characters)",
                         void_tag("input", {{"id", "pw1"},
                                            {"name", "password"},
                                            {"type", "password"},
                                            {"autocomplete", "new-password"},
                                            {"required", "required"},
                                            {"minlength", "10"}})) +
                labelled("pw2", de ? "Noch einmal" : "Once more",
                         void_tag("input", {{"id", "pw2"},
                                            {"name", "again"},
                                            {"type", "password"},
                                            {"autocomplete", "new-password"},
                                            {"required", "required"}})) +
                tag("button", {{"type", "submit"}}, text(de ? "Speichern" : "Save")));
    return layout(ctx, {title, "", ""}, body);
}

html reset_page(const page_context& ctx, const std::string& csrf, bool sent) {
    const bool de = ctx.language == lang::de;
    const std::string title = de ? "Passwort vergessen" : "Forgot your password";
    html body = tag("h1", text(title));
    if (sent)
        return layout(
            ctx, {title, "", ""},
            body + tag("p", text(de ? "Wenn die Adresse zu einem Konto gehört, ist ein Link unterwegs. Er gilt "
                                      "zwei Stunden."
                                    : "If the address belongs to an account, a link is on its way. It works "
                                      "for two hours.")));
    body += tag("form", {{"method", "post"}, {"action", href(ctx, "/admin/reset")}, {"class", "stacked card"}},
                hidden("csrf", csrf) +
                    labelled("reset-email", de ? "E-Mail-Adresse" : "Email address",
                             void_tag("input", {{"id", "reset-email"},
                                                {"name", "email"},
                                                {"type", "email"},
                                                {"autocomplete", "username"},
                                                {"required", "required"}})) +
                    tag("button", {{"type", "submit"}}, text(de ? "Link schicken" : "Send a link")));
    return layout(ctx, {title, "", ""}, body);
}

html invite_form(const page_context& ctx, const std::vector<network_choice>& networks, const std::string& csrf) {
    const bool de = ctx.language == lang::de;
    html boxes;
    for (const auto& n : networks) {
        const auto id = "net-" + n.slug;
        boxes += tag("div", {{"class", "choice"}},
                     void_tag("input", {{"type", "checkbox"}, {"id", id}, {"name", "network"}, {"value", n.slug}}) +
                         tag("label", {{"for", id}}, text(n.name)));
    }
    const auto roles = tag("option", {{"value", "organiser"}}, text(de ? "Organisator:in" : "Organiser")) +
                       tag("option", {{"value", "admin"}}, text("Admin"));
    return tag("h2", text(de ? "Organisator:in einladen" : "Invite an organiser")) +
           tag("form", {{"method", "post"}, {"action", href(ctx, "/admin/organisers")}},
               hidden("csrf", csrf) +
                   labelled(
                       "inv-name", "Name",
                       void_tag("input",
                                {{"id", "inv-name"}, {"name", "name"}, {"type", "text"}, {"required", "required"}})) +
                   labelled(
                       "inv-email", de ? "E-Mail-Adresse" : "Email address",
                       void_tag(
                           "input",
                           {{"id", "inv-email"}, {"name", "email"}, {"type", "email"}, {"required", "required"}})) +
                   labelled("inv-role", de ? "Rolle" : "Role",
                            tag("select", {{"id", "inv-role"}, {"name", "role"}}, roles)) +
                   tag("fieldset", tag("legend", text(de ? "Netzwerke" : "Networks")) + boxes) +
                   tag("button", {{"type", "submit"}}, text(de ? "Einladen" : "Invite")));
}

html invited_page(const page_context& ctx, const std::string& email) {
    const bool de = ctx.language == lang::de;
    const std::string title = de ? "Eingeladen" : "Invited";
    return layout(ctx, {title, "", ""},
                  tag("h1", text(title)) +
                      tag("p", text((de ? "Eine Einladung mit Link ist unterwegs an "
                                        : "An invitation with a link is on its way to ") +
                                    email + ".")) +
                      tag("p", link(href(ctx, "/admin"), text(de ? "Zurück" : "Back"))));
}

}  // namespace tp::web
