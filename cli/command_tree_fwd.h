// What a command group's header needs to declare its register function, without CLI11.
#pragma once

namespace CLI {
class App;
}  // namespace CLI

namespace nextstep::cli {
class CommandTree;
}  // namespace nextstep::cli
