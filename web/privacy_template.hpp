#pragma once
// The privacy notice /datenschutz shows until the operator gives their own (--privacy-file): a complete
// template after Art. 13 GDPR (controller, data and purposes, legal bases, recipients, retention, rights,
// cookies) in German and English. What only the operator knows stands in [brackets] and is marked on the page.
#include "web/html.hpp"
#include "web/i18n.hpp"

namespace tp::web {

[[nodiscard]] html privacy_template(lang l);

}  // namespace tp::web
