#include "terminal_text.h"

namespace nextstep::cli {

TerminalText::~TerminalText() {
  if (after_c2_) to_.put(static_cast<char>(0xC2));
}

void TerminalText::put(unsigned char c) {
  if (after_c2_) {
    after_c2_ = false;
    if (c >= 0x80 && c <= 0x9F) {
      to_.put('?');
      return;
    }
    to_.put(static_cast<char>(0xC2));
  }
  if (c == 0xC2) {
    after_c2_ = true;
  } else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
    to_.put('^');
    to_.put(static_cast<char>(c ^ 0x40));
  } else {
    to_.put(static_cast<char>(c));
  }
}

TerminalText::int_type TerminalText::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  put(static_cast<unsigned char>(traits_type::to_char_type(c)));
  return c;
}

std::streamsize TerminalText::xsputn(const char* s, std::streamsize n) {
  for (std::streamsize i = 0; i < n; ++i) put(static_cast<unsigned char>(s[i]));
  return n;
}

int TerminalText::sync() {
  to_.flush();
  return to_ ? 0 : -1;
}

}  // namespace nextstep::cli
