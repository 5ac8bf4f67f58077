// A recap as the customer's side receives it: a mailto: URI (GLib's URI escaping) or a message
// file (GMime: RFC 2047 header encoding, quoted-printable body, CRLF lines).
#include <glib.h>
#include <gmime/gmime.h>

#include <memory>
#include <mutex>

#include "nextstep/calendar/recap.h"

namespace nextstep::calendar {
namespace {

// GLib's objects and strings, released when the handle goes.
struct GFreeString {
  void operator()(char* s) const { g_free(s); }
};
using GChars = std::unique_ptr<char, GFreeString>;

template <typename T>
struct GUnref {
  void operator()(T* o) const {
    if (o != nullptr) g_object_unref(o);
  }
};
template <typename T>
using GObjectPtr = std::unique_ptr<T, GUnref<T>>;

struct DateUnref {
  void operator()(GDateTime* d) const { g_date_time_unref(d); }
};
struct FormatFree {
  void operator()(GMimeFormatOptions* o) const { g_mime_format_options_free(o); }
};

void initGMime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

// Every byte but RFC 3986's unreserved ones percent-encoded: always a valid hfvalue (RFC 6068
// allows more to stay as they are, but none has to).
std::string escaped(const std::string& text, const char* keep = nullptr) {
  GChars out(g_uri_escape_string(text.c_str(), keep, FALSE));
  return out ? std::string(out.get()) : std::string();
}

std::string crlf(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\r') continue;
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

}  // namespace

std::string recapMailto(const Recap& r) {
  std::string uri = "mailto:";
  for (std::size_t i = 0; i < r.to.size(); ++i) {
    if (i > 0) uri += ',';
    uri += escaped(r.to[i].email, "@");  // RFC 6068 keeps addr-spec's "@" as it is
  }
  uri += "?subject=" + escaped(r.subject);
  uri += "&body=" + escaped(crlf(r.body));
  return uri;
}

Result<std::string> recapEml(const Recap& r, Instant date) {
  initGMime();
  GObjectPtr<GMimeMessage> message(g_mime_message_new(TRUE));
  if (!r.from.email.empty()) {
    g_mime_message_add_mailbox(message.get(), GMIME_ADDRESS_TYPE_FROM, r.from.name.c_str(),
                               r.from.email.c_str());
  }
  for (const Recipient& to : r.to) {
    g_mime_message_add_mailbox(message.get(), GMIME_ADDRESS_TYPE_TO, to.name.c_str(),
                               to.email.c_str());
  }
  g_mime_message_set_subject(message.get(), r.subject.c_str(), "utf-8");
  std::unique_ptr<GDateTime, DateUnref> when(g_date_time_new_from_unix_utc(toUnix(date)));
  g_mime_message_set_date(message.get(), when.get());
  const std::string domain = r.from.email.find('@') != std::string::npos
                                 ? r.from.email.substr(r.from.email.find('@') + 1)
                                 : std::string("nextstep.invalid");
  GChars id(g_mime_utils_generate_message_id(domain.c_str()));
  g_mime_message_set_message_id(message.get(), id.get());
  // Outlook and others open a message marked unsent as a draft, ready to send.
  g_mime_object_set_header(GMIME_OBJECT(message.get()), "X-Unsent", "1", nullptr);

  // The body stays UTF-8 whatever it holds (g_mime_text_part_set_text would pick ISO-8859-1 for
  // text that fits it), carried as quoted-printable so every line is short 7-bit ASCII.
  GObjectPtr<GMimeTextPart> part(g_mime_text_part_new_with_subtype("plain"));
  GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(r.body.data(), r.body.size()));
  GObjectPtr<GMimeDataWrapper> content(
      g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
  g_mime_part_set_content(GMIME_PART(part.get()), content.get());
  g_mime_object_set_content_type_parameter(GMIME_OBJECT(part.get()), "charset", "utf-8");
  g_mime_part_set_content_encoding(GMIME_PART(part.get()), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
  g_mime_message_set_mime_part(message.get(), GMIME_OBJECT(part.get()));

  std::unique_ptr<GMimeFormatOptions, FormatFree> format(g_mime_format_options_new());
  g_mime_format_options_set_newline_format(format.get(), GMIME_NEWLINE_FORMAT_DOS);
  GChars text(g_mime_object_to_string(GMIME_OBJECT(message.get()), format.get()));
  if (!text) return Error{ErrorCode::kInternal, "GMime could not write the message"};
  return std::string(text.get());
}

}  // namespace nextstep::calendar
