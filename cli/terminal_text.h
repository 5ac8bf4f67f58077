// Text output goes to a terminal, and a note or a name synced from a teammate can hold escape
// sequences that recolour, retitle or rewrite it: they are shown, never obeyed. Control
// characters other than newline and tab are written in caret notation (ESC as "^["), the C1
// controls (U+0080 to U+009F) as "?".
#pragma once

#include <ostream>
#include <streambuf>

namespace nextstep::cli {

class TerminalText : public std::streambuf {
 public:
  explicit TerminalText(std::ostream& to) : to_(to) {}
  ~TerminalText() override;
  TerminalText(const TerminalText&) = delete;
  TerminalText& operator=(const TerminalText&) = delete;

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  void put(unsigned char c);

  std::ostream& to_;
  bool after_c2_ = false;  // a UTF-8 lead byte that may start a C1 control
};

// An ostream whose every write passes through TerminalText.
class TerminalStream : public std::ostream {
 public:
  explicit TerminalStream(std::ostream& to) : std::ostream(nullptr), text_(to) { rdbuf(&text_); }

 private:
  TerminalText text_;
};

}  // namespace nextstep::cli
