#pragma once
// Loads the OpenGL driver on a thread of its own while the GUI thread compiles and creates the
// QML. On Mesa's llvmpipe, loading the driver (and LLVM with it) and creating a first context take
// about a tenth of a second that the window's first frame otherwise waits for; the driver stays
// loaded for the render thread's own context. A platform without OpenGL skips it.
#include <thread>

class GraphicsDriverWarmup {
 public:
  GraphicsDriverWarmup();
  ~GraphicsDriverWarmup();
  GraphicsDriverWarmup(const GraphicsDriverWarmup&) = delete;
  GraphicsDriverWarmup& operator=(const GraphicsDriverWarmup&) = delete;

 private:
  std::thread thread_;
};
