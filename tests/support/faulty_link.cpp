#include "faulty_link.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <list>
#include <vector>

namespace nextstep::testing {
namespace {

using Clock = std::chrono::steady_clock;

struct Chunk {
  Clock::time_point due;  // latency: not forwarded before
  std::string bytes;
  std::size_t sent = 0;
};

// One direction of one connection.
struct Flow {
  int from = -1;
  int to = -1;
  std::deque<Chunk> queue;
  std::uint64_t forwarded = 0;
  std::optional<std::uint64_t> strike_at;  // the armed fault strikes once `forwarded` reaches it
  bool sender_done = false;                // read EOF
  bool passed_on = false;                  // and told the receiver
};

struct Connection {
  Flow up;    // client to server
  Flow down;  // server to client
  bool stalled = false;
  bool dead = false;
  Flow& flow(Direction d) { return d == Direction::kToServer ? up : down; }
};

void setNonBlocking(int fd) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

void closeConnection(Connection& c, bool reset) {
  if (c.dead) return;
  for (int fd : {c.up.from, c.up.to}) {
    if (reset) {
      linger hard{1, 0};  // close() then sends RST instead of FIN
      setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    }
    close(fd);
  }
  c.dead = true;
}

int connectUpstream(std::uint16_t port) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(port);
  to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
    close(fd);
    return -1;
  }
  const int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  setNonBlocking(fd);
  return fd;
}

// The proxy thread's state: touched by that thread only.
class Relay {
 public:
  explicit Relay(std::atomic<int>& strikes) : strikes_(strikes) {}
  ~Relay() {
    for (Connection& c : connections_) closeConnection(c, false);
  }

  void add(int client, int server) {
    Connection& c = connections_.emplace_back();
    c.up.from = c.down.to = client;
    c.up.to = c.down.from = server;
    if (armed_) c.flow(armed_->direction).strike_at = armed_->bytes;
  }

  void apply(const std::optional<std::chrono::milliseconds>& latency,
             const std::optional<Fault>& now, const std::optional<Direction>& arm_direction,
             std::size_t arm_bytes, Fault arm_fault, bool heal) {
    if (latency) latency_ = *latency;
    if (now) {
      for (Connection& c : connections_) strike(c, *now);
    }
    if (arm_direction) {
      armed_ = Armed{*arm_direction, arm_bytes, arm_fault};
      for (Connection& c : connections_) {
        Flow& f = c.flow(*arm_direction);
        f.strike_at = f.forwarded + arm_bytes;
      }
    }
    if (heal) {
      disarm();
      for (Connection& c : connections_) c.stalled = false;
    }
    sweep();
  }

  // Which sockets to watch, and how long until the next delayed chunk is due.
  int prepare(std::vector<pollfd>& fds, Clock::time_point now) {
    std::optional<Clock::time_point> next;
    prepared_ = connections_.size();
    for (Connection& c : connections_) {
      for (Flow* f : {&c.up, &c.down}) {
        short read = c.stalled || f->sender_done ? 0 : POLLIN;
        short write = 0;
        if (!c.stalled && !f->queue.empty()) {
          if (f->queue.front().due <= now) {
            write = POLLOUT;
          } else if (!next || f->queue.front().due < *next) {
            next = f->queue.front().due;
          }
        }
        // Stalled sockets are not watched at all: a hang-up there waits for heal().
        fds.push_back({c.stalled ? -1 : f->from, read, 0});
        fds.push_back({c.stalled ? -1 : f->to, write, 0});
      }
    }
    if (!next) return -1;
    return static_cast<int>(std::max<std::int64_t>(
        0, std::chrono::duration_cast<std::chrono::milliseconds>(*next - now +
                                                                 std::chrono::microseconds(999))
               .count()));
  }

  // `fds` from prepare(), in the same order, after poll().
  void serve(const std::vector<pollfd>& fds, std::size_t first, Clock::time_point now) {
    std::size_t i = first;
    std::size_t left = prepared_;
    for (auto it = connections_.begin(); left > 0; ++it, --left) {
      Connection& c = *it;
      for (Flow* f : {&c.up, &c.down}) {
        const pollfd& in = fds[i];
        i += 2;
        if (c.dead || c.stalled) continue;
        if (in.revents & (POLLIN | POLLHUP | POLLERR)) receive(c, *f, now);
        if (!c.dead) pump(c, *f, now);
      }
    }
    sweep();
  }

 private:
  struct Armed {
    Direction direction;
    std::size_t bytes;
    Fault fault;
  };

  void strike(Connection& c, Fault fault) {
    if (c.dead) return;
    ++strikes_;
    if (fault == Fault::kStall) {
      c.stalled = true;
    } else {
      closeConnection(c, fault == Fault::kReset);
    }
  }

  void receive(Connection& c, Flow& f, Clock::time_point now) {
    char buf[64 * 1024];
    const ssize_t n = recv(f.from, buf, sizeof buf, 0);
    if (n > 0) {
      f.queue.push_back({now + latency_, std::string(buf, static_cast<std::size_t>(n))});
    } else if (n == 0) {
      f.sender_done = true;
    } else if (errno != EAGAIN && errno != EINTR) {
      closeConnection(c, true);  // the peer reset: so does the proxy, to the other side
    }
  }

  void pump(Connection& c, Flow& f, Clock::time_point now) {
    while (!f.queue.empty() && f.queue.front().due <= now) {
      Chunk& chunk = f.queue.front();
      std::size_t n = chunk.bytes.size() - chunk.sent;
      if (f.strike_at) n = std::min<std::uint64_t>(n, *f.strike_at - f.forwarded);
      if (n > 0) {
        const ssize_t w = ::send(f.to, chunk.bytes.data() + chunk.sent, n, MSG_NOSIGNAL);
        if (w < 0) {
          if (errno == EAGAIN || errno == EINTR) return;
          closeConnection(c, true);
          return;
        }
        chunk.sent += static_cast<std::size_t>(w);
        f.forwarded += static_cast<std::uint64_t>(w);
        if (chunk.sent == chunk.bytes.size()) f.queue.pop_front();
      }
      if (f.strike_at && f.forwarded >= *f.strike_at) {
        const Fault fault = armed_->fault;
        disarm();
        strike(c, fault);
        return;
      }
    }
    if (f.queue.empty() && f.sender_done && !f.passed_on) {
      shutdown(f.to, SHUT_WR);
      f.passed_on = true;
    }
  }

  void disarm() {
    armed_.reset();
    for (Connection& c : connections_) c.up.strike_at = c.down.strike_at = std::nullopt;
  }

  void sweep() {
    for (Connection& c : connections_) {
      if (c.up.passed_on && c.down.passed_on) closeConnection(c, false);
    }
    connections_.remove_if([](const Connection& c) { return c.dead; });
  }

  std::atomic<int>& strikes_;
  std::list<Connection> connections_;
  std::chrono::milliseconds latency_{0};
  std::optional<Armed> armed_;
  std::size_t prepared_ = 0;  // connections with entries in the fds of prepare()
};

}  // namespace

Result<std::unique_ptr<FaultyLink>> FaultyLink::open(std::uint16_t upstream_port) {
  const int listener = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in at{};
  at.sin_family = AF_INET;
  at.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof at;
  if (listener < 0 || bind(listener, reinterpret_cast<sockaddr*>(&at), sizeof at) != 0 ||
      listen(listener, 64) != 0 ||
      getsockname(listener, reinterpret_cast<sockaddr*>(&at), &len) != 0) {
    const std::string why = std::strerror(errno);
    if (listener >= 0) close(listener);
    return Error{ErrorCode::kIo, "the proxy cannot listen: " + why};
  }
  setNonBlocking(listener);
  int wake[2];
  if (pipe2(wake, O_CLOEXEC | O_NONBLOCK) != 0) {
    close(listener);
    return Error{ErrorCode::kIo, "the proxy cannot make its wake-up pipe"};
  }
  return std::unique_ptr<FaultyLink>(
      new FaultyLink(listener, ntohs(at.sin_port), upstream_port, wake[0], wake[1]));
}

FaultyLink::FaultyLink(int listener, std::uint16_t port, std::uint16_t upstream_port, int wake_read,
                       int wake_write)
    : listener_(listener),
      port_(port),
      upstream_port_(upstream_port),
      wake_read_(wake_read),
      wake_write_(wake_write) {
  thread_ = std::thread([this] { run(); });
}

FaultyLink::~FaultyLink() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  (void)write(wake_write_, "x", 1);
  thread_.join();
  for (int fd : {listener_, wake_read_, wake_write_}) close(fd);
}

void FaultyLink::setLatency(std::chrono::milliseconds each_way) {
  Request r;
  r.latency = each_way;
  send(r);
}

void FaultyLink::strikeNow(Fault fault) {
  Request r;
  r.now = fault;
  send(r);
}

void FaultyLink::strikeAfter(Direction direction, std::size_t bytes, Fault fault) {
  Request r;
  r.arm = Armed{direction, bytes, fault};
  send(r);
}

void FaultyLink::heal() {
  Request r;
  r.heal = true;
  send(r);
}

void FaultyLink::send(Request request) {
  std::unique_lock lock(mu_);
  request_ = request;
  (void)write(wake_write_, "x", 1);
  applied_cv_.wait(lock, [this] { return !request_; });
}

void FaultyLink::run() {
  Relay relay(strikes_);
  std::vector<pollfd> fds;
  for (;;) {
    {
      std::lock_guard lock(mu_);
      if (stopping_) return;
      if (request_) {
        const Request& r = *request_;
        relay.apply(r.latency, r.now,
                    r.arm ? std::optional<Direction>(r.arm->direction) : std::nullopt,
                    r.arm ? r.arm->bytes : 0, r.arm ? r.arm->fault : Fault::kReset, r.heal);
        request_.reset();
        applied_cv_.notify_all();
      }
    }
    fds.clear();
    fds.push_back({wake_read_, POLLIN, 0});
    fds.push_back({listener_, POLLIN, 0});
    const int timeout = relay.prepare(fds, Clock::now());
    if (poll(fds.data(), fds.size(), timeout) < 0 && errno != EINTR) return;
    if (fds[0].revents & POLLIN) {
      char drain[64];
      while (read(wake_read_, drain, sizeof drain) > 0) {
      }
    }
    if (fds[1].revents & POLLIN) {
      for (int client; (client = accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC)) >= 0;) {
        ++connections_;
        const int server = connectUpstream(upstream_port_);
        if (server < 0) {
          close(client);
          continue;
        }
        const int one = 1;
        setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        setNonBlocking(client);
        relay.add(client, server);
      }
    }
    // Connections added just now have no entries in fds: they are served from the next round.
    relay.serve(fds, 2, Clock::now());
  }
}

}  // namespace nextstep::testing
