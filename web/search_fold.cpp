#include "web/search_fold.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>
#include <stdexcept>

namespace tp::web {

namespace {

// One transliterator per thread: building one parses its rules (slow); using one is not documented as
// thread-safe. The first is built once and cloned.
const icu::Transliterator& folder() {
    static const std::unique_ptr<icu::Transliterator> prototype = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(
            icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Any-Lower", UTRANS_FORWARD, status));
        if (U_FAILURE(status) || !t) throw std::runtime_error("ICU cannot build the search folding");
        return t;
    }();
    thread_local const std::unique_ptr<icu::Transliterator> mine(prototype->clone());
    return *mine;
}

}  // namespace

std::string fold_for_search(std::string_view utf8) {
    auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
    folder().transliterate(text);
    std::string out;
    text.toUTF8String(out);
    return out;
}

bool search_matches(std::string_view folded_needle, std::string_view haystack) {
    return folded_needle.empty() || fold_for_search(haystack).find(folded_needle) != std::string::npos;
}

}  // namespace tp::web
