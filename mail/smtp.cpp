#include "mail/smtp.hpp"

#include <curl/curl.h>

#include <cstring>
#include <mutex>
#include <stdexcept>

namespace tp::mail {
namespace {

void global_init() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw std::runtime_error("libcurl does not start");
    });
}

struct reader {
    std::string_view data;
    std::size_t done = 0;
};

std::size_t read_body(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto& r = *static_cast<reader*>(user);
    const auto n = std::min(size * count, r.data.size() - r.done);
    std::memcpy(buffer, r.data.data() + r.done, n);
    r.done += n;
    return n;
}

curl_usessl tls_level(const smtp_config& c) {
    const auto mode = c.tls.value_or(c.user.empty() ? starttls::opportunistic : starttls::required);
    switch (mode) {
        case starttls::opportunistic: return CURLUSESSL_TRY;
        case starttls::required: return CURLUSESSL_ALL;
        case starttls::never: return CURLUSESSL_NONE;
    }
    return CURLUSESSL_ALL;
}

// RFC 4954 replies about authentication (530 required, 534 mechanism too weak, 535 refused, 538 encryption
// required): the operator's configuration is wrong, not the message; it waits until that is fixed.
bool about_authentication(long smtp_code) {
    return smtp_code == 530 || smtp_code == 534 || smtp_code == 535 || smtp_code == 538;
}

// The SMTP reply code decides: 5xx is permanent for the message, except for authentication problems.
delivery classify(CURLcode code, long smtp_code) {
    if (code == CURLE_OK) return delivery::sent;
    if (code == CURLE_LOGIN_DENIED || code == CURLE_USE_SSL_FAILED || about_authentication(smtp_code))
        return delivery::temporary;
    if (smtp_code >= 500 && smtp_code < 600) return delivery::permanent;
    return delivery::temporary;
}

}  // namespace

struct smtp_transport::handle {
    CURL* curl = nullptr;
    ~handle() {
        if (curl != nullptr) curl_easy_cleanup(curl);
    }
};

bool valid_smtp_url(std::string_view url) {
    for (const std::string_view scheme : {"smtp://", "smtps://"})
        if (url.starts_with(scheme) && url.size() > scheme.size() && url[scheme.size()] != '/' &&
            url.find_first_of(" \r\n\t") == std::string_view::npos)
            return true;
    return false;
}

smtp_transport::smtp_transport(smtp_config config) : config_(std::move(config)), handle_(std::make_unique<handle>()) {
    if (!valid_smtp_url(config_.url)) throw std::invalid_argument("not an smtp:// or smtps:// URL: " + config_.url);
    global_init();
    handle_->curl = curl_easy_init();
    if (handle_->curl == nullptr) throw std::runtime_error("libcurl cannot create a handle");
}

smtp_transport::~smtp_transport() = default;

send_result smtp_transport::send(const envelope& e, std::string_view data) {
    CURL* c = handle_->curl;
    reader body{data};
    char error[CURL_ERROR_SIZE] = {};
    curl_slist* recipients = curl_slist_append(nullptr, ("<" + e.to + ">").c_str());
    const auto from = "<" + e.from + ">";
    const auto timeout = static_cast<long>(config_.timeout.count());
    curl_easy_setopt(c, CURLOPT_URL, config_.url.c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, read_body);
    curl_easy_setopt(c, CURLOPT_READDATA, &body);
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(data.size()));
    curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(tls_level(config_)));
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 4 * timeout);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
    if (!config_.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, config_.ca_file.c_str());
    if (!config_.user.empty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, config_.user.c_str());
        curl_easy_setopt(c, CURLOPT_PASSWORD, config_.password.c_str());
    }
    const auto code = curl_easy_perform(c);
    long smtp_code = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &smtp_code);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, nullptr);
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, nullptr);
    curl_slist_free_all(recipients);
    const auto outcome = classify(code, smtp_code);
    std::string detail = code == CURLE_OK ? "accepted" : (error[0] != '\0' ? error : curl_easy_strerror(code));
    if (smtp_code != 0) detail = std::to_string(smtp_code) + " " + detail;
    return {outcome, detail};
}

}  // namespace tp::mail
