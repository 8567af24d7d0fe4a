// Transports against real endpoints: an aiosmtpd server (mail_test_helper.py), closed and silent
// ports, and .eml files in a temporary directory.
#include <gtest/gtest.h>
#include <sodium.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "mail/eml_file_transport.hpp"
#include "mail/smtp_transport.hpp"
#include "temp_dir.hpp"

namespace bo::mail {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

std::string python() {
  const char* configured = std::getenv("BOXOFFICE_TEST_PYTHON");
  return configured && *configured ? configured : "/usr/bin/python3";  // Debian's, which has aiosmtpd
}

std::string helper_script() { return BOXOFFICE_SOURCE_DIR "/server/tests/unit/mail_test_helper.py"; }

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::vector<fs::path> entries(const fs::path& dir) {
  std::vector<fs::path> found;
  for (const auto& e : fs::directory_iterator(dir)) found.push_back(e.path().filename());
  std::sort(found.begin(), found.end());
  return found;
}

// A child process with its stdout on a pipe; it is killed when the test process dies.
class Child {
 public:
  explicit Child(std::vector<std::string> args) {
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      dup2(fds[1], STDOUT_FILENO);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(fds[1]);
    out_ = fds[0];
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  ~Child() {
    if (pid_ > 0) {  // never kill(-1, ...): that would signal every process
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
    close(out_);
  }

  // The next line of output, or "" when none came in time or the child exited.
  std::string read_line(std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    std::string line;
    char c;
    while (Clock::now() < deadline) {
      pollfd p{out_, POLLIN, 0};
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      if (poll(&p, 1, static_cast<int>(std::max<long>(left.count(), 1))) <= 0) continue;
      if (read(out_, &c, 1) != 1) return "";
      if (c == '\n') return line;
      line += c;
    }
    return "";
  }

  // All output until the child exits; its exit status in `status`.
  std::string read_all(int& status) {
    std::string all;
    char buffer[4096];
    for (ssize_t n; (n = read(out_, buffer, sizeof buffer)) > 0;) all.append(buffer, static_cast<std::size_t>(n));
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return all;
  }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
};

nlohmann::json parse_message(const fs::path& file) {
  Child parser({python(), helper_script(), "parse", file.string()});
  int status = 0;
  const std::string out = parser.read_all(status);
  EXPECT_EQ(status, 0) << "parser failed on " << file;
  return nlohmann::json::parse(out);
}

// A loopback socket bound to a free port; listening only when asked, never accepting.
class LocalSocket {
 public:
  explicit LocalSocket(bool listening) {
    fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0 || (listening && listen(fd_, 4) != 0))
      throw std::runtime_error("cannot set up a loopback socket");
    port_ = ntohs(addr.sin_port);
  }
  ~LocalSocket() { close(fd_); }
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

bool accepts_connections(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

class SmtpTransportTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    mailbox_dir_ = new TempDir("bo-mail");
    mailbox_ = &mailbox_dir_->path();
    server_ = new Child({python(), helper_script(), "serve", mailbox_->string()});
    const std::string port = server_->read_line(30s);
    ASSERT_FALSE(port.empty()) << "the SMTP test server did not start: is python3-aiosmtpd installed for "
                               << python() << "?";
    port_ = std::stoi(port);
    const auto deadline = Clock::now() + 10s;
    while (!accepts_connections(port_) && Clock::now() < deadline) std::this_thread::sleep_for(10ms);
    ASSERT_TRUE(accepts_connections(port_));
  }

  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
    delete mailbox_dir_;
    mailbox_dir_ = nullptr;
    mailbox_ = nullptr;
  }

  void SetUp() override {
    if (!server_ || port_ == 0) GTEST_FAIL() << "no SMTP test server";
  }

  static std::string url() { return "smtp://127.0.0.1:" + std::to_string(port_) + "/client.test"; }

  // The message stored last by the server, and its envelope.
  static std::pair<fs::path, nlohmann::json> last_stored() {
    int last = 0;
    for (const auto& e : fs::directory_iterator(*mailbox_))
      if (e.path().extension() == ".eml") last = std::max(last, std::stoi(e.path().stem().string()));
    const fs::path base = *mailbox_ / std::to_string(last);
    return {fs::path(base).replace_extension(".eml"),
            nlohmann::json::parse(read_file(fs::path(base).replace_extension(".json")))};
  }

  static std::size_t stored_count() {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(*mailbox_)) n += e.path().extension() == ".eml";
    return n;
  }

  static inline TempDir* mailbox_dir_ = nullptr;
  static inline const fs::path* mailbox_ = nullptr;
  static inline Child* server_ = nullptr;
  static inline int port_ = 0;
};

std::string pdf_like_bytes() {
  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
  for (int i = 0; i < 256; ++i) pdf += static_cast<char>(i);
  pdf += "\r\n.\r\n.\n\r\n\r\n";
  std::string noise(200000, '\0');
  randombytes_buf(noise.data(), noise.size());
  return pdf + noise + "\n%%EOF\n";
}

Message ticket_message() {
  Message m;
  m.from_name = "Zoë’s Bühne";
  m.from_address = "tickets@demo.test";
  m.reply_to = "help@demo.test";
  m.to_name = "Jürgen Müller";
  m.to_address = "juergen@example.test";
  m.subject = "Ihre Tickets für „Café Olé“ am 4. Juli 🎫";
  m.text = "Hallo Jürgen,\n\nanbei Ihre Tickets.\n.\n.punkt am Anfang\nFrom here on = gleich\n";
  m.html = "<p>Hallo J&uuml;rgen,</p>\n<p>anbei Ihre <b>Tickets</b> – viel Spaß!</p>\n";
  m.attachments = {{"Eintrittskarte Müller.pdf", "application/pdf", pdf_like_bytes()}};
  m.message_id = "42.7f3a@boxoffice";
  return m;
}

std::string crlf_to_lf(std::string s) {
  for (std::size_t p; (p = s.find("\r\n")) != std::string::npos;) s.erase(p, 1);
  return s;
}

TEST_F(SmtpTransportTest, DeliversUtf8MessageWithAlternativesAndAttachment) {
  const Message m = ticket_message();
  const RenderedMessage rendered = render(m);
  const SendResult result = make_smtp_transport(url(), 10s)->deliver(rendered);
  ASSERT_TRUE(result.ok) << result.error;

  const auto [file, envelope] = last_stored();
  EXPECT_EQ(envelope["mail_from"], "tickets@demo.test");
  EXPECT_EQ(envelope["rcpt_tos"], nlohmann::json::array({"juergen@example.test"}));
  EXPECT_EQ(read_file(file), rendered.data) << "the server must receive the rendered bytes unchanged";

  const nlohmann::json parsed = parse_message(file);
  EXPECT_EQ(parsed["defects"], nlohmann::json::array());
  EXPECT_EQ(parsed["from_name"], m.from_name);
  EXPECT_EQ(parsed["from_address"], m.from_address);
  EXPECT_EQ(parsed["to_name"], m.to_name);
  EXPECT_EQ(parsed["to_address"], m.to_address);
  EXPECT_EQ(parsed["reply_to"], m.reply_to);
  EXPECT_EQ(parsed["subject"], m.subject);
  EXPECT_EQ(parsed["message_id"], "<42.7f3a@boxoffice>");
  EXPECT_EQ(parsed["content_type"], "multipart/mixed");
  EXPECT_EQ(crlf_to_lf(parsed["text"]), m.text);
  EXPECT_EQ(crlf_to_lf(parsed["html"]), m.html);
  ASSERT_EQ(parsed["attachments"].size(), 1u);
  const auto& attachment = parsed["attachments"][0];
  EXPECT_EQ(attachment["filename"], "Eintrittskarte Müller.pdf");
  EXPECT_EQ(attachment["content_type"], "application/pdf");
  const std::string encoded = attachment["data"];
  std::string decoded(encoded.size(), '\0');
  std::size_t length = 0;
  ASSERT_EQ(sodium_base642bin(reinterpret_cast<unsigned char*>(decoded.data()), decoded.size(), encoded.data(),
                              encoded.size(), nullptr, &length, nullptr, sodium_base64_VARIANT_ORIGINAL),
            0);
  decoded.resize(length);
  EXPECT_TRUE(decoded == m.attachments[0].data) << "attachment bytes differ";
}

TEST_F(SmtpTransportTest, SendRendersTheMessage) {
  Message m = ticket_message();
  m.attachments.clear();
  m.subject = "Plain ASCII subject";
  const SendResult result = make_smtp_transport(url(), 10s)->send(m);
  ASSERT_TRUE(result.ok) << result.error;
  const nlohmann::json parsed = parse_message(last_stored().first);
  EXPECT_EQ(parsed["subject"], "Plain ASCII subject");
  EXPECT_EQ(parsed["content_type"], "multipart/alternative");
}

TEST_F(SmtpTransportTest, RefusedRecipientIsPermanentWithServerText) {
  Message m = ticket_message();
  m.to_address = "refuse-me@example.test";
  const std::size_t before = stored_count();
  const SendResult result = make_smtp_transport(url(), 10s)->send(m);
  EXPECT_FALSE(result.ok);
  EXPECT_TRUE(result.permanent);
  EXPECT_NE(result.error.find("550 5.1.1"), std::string::npos) << result.error;
  EXPECT_NE(result.error.find("Recipient address rejected: User unknown"), std::string::npos) << result.error;
  EXPECT_EQ(stored_count(), before);
}

TEST_F(SmtpTransportTest, RejectedContentIsPermanent) {
  Message m = ticket_message();
  m.subject = "Tickets [reject]";
  const SendResult result = make_smtp_transport(url(), 10s)->send(m);
  EXPECT_FALSE(result.ok);
  EXPECT_TRUE(result.permanent);
  EXPECT_NE(result.error.find("554 5.7.1 Message content rejected"), std::string::npos) << result.error;
}

TEST_F(SmtpTransportTest, TransientRecipientFailureIsTemporary) {
  Message m = ticket_message();
  m.to_address = "busy@example.test";
  const SendResult result = make_smtp_transport(url(), 10s)->send(m);
  EXPECT_FALSE(result.ok);
  EXPECT_FALSE(result.permanent);
  EXPECT_NE(result.error.find("451 4.3.0 Mailbox temporarily unavailable"), std::string::npos) << result.error;
}

TEST_F(SmtpTransportTest, RefusedSenderIsAConfigurationProblemSoTemporary) {
  Message m = ticket_message();
  m.from_address = "blocked@demo.test";
  const SendResult result = make_smtp_transport(url(), 10s)->send(m);
  EXPECT_FALSE(result.ok);
  EXPECT_FALSE(result.permanent);
  EXPECT_NE(result.error.find("550 5.7.1 Sender not allowed"), std::string::npos) << result.error;
}

TEST_F(SmtpTransportTest, AuthenticatesWithCredentialsFromTheUrl) {
  const SendResult result =
      make_smtp_transport("smtp://mailer:s3cret@127.0.0.1:" + std::to_string(port_), 10s)->send(ticket_message());
  EXPECT_TRUE(result.ok) << result.error;
}

TEST_F(SmtpTransportTest, FailedLoginIsTemporaryAndKeepsThePasswordOutOfTheError) {
  const SendResult result =
      make_smtp_transport("smtp://mailer:wrong-pass@127.0.0.1:" + std::to_string(port_), 10s)->send(ticket_message());
  EXPECT_FALSE(result.ok);
  EXPECT_FALSE(result.permanent) << "bad credentials are a configuration problem, not the message's";
  EXPECT_NE(result.error.find("AUTH"), std::string::npos) << result.error;
  EXPECT_NE(result.error.find("535"), std::string::npos) << result.error;
  for (const std::string secret : {"wrong-pass", "d3JvbmctcGFzcw", "bWFpbGVy"})  // plain and base64
    EXPECT_EQ(result.error.find(secret), std::string::npos) << result.error;
}

TEST_F(SmtpTransportTest, UnrenderableMessageFailsPermanentlyWithoutConnecting) {
  Message m = ticket_message();
  m.subject = "Tickets\r\nBcc: victim@evil.test";
  const std::size_t before = stored_count();
  const SendResult result = make_smtp_transport(url(), 10s)->send(m);
  EXPECT_FALSE(result.ok);
  EXPECT_TRUE(result.permanent);
  EXPECT_NE(result.error.find("subject"), std::string::npos) << result.error;
  EXPECT_EQ(stored_count(), before);
}

TEST(SmtpTransport, NothingListeningIsTemporary) {
  const LocalSocket closed(false);
  const auto start = Clock::now();
  const SendResult result =
      make_smtp_transport("smtp://user:secret@127.0.0.1:" + std::to_string(closed.port()), 10s)
          ->send(ticket_message());
  EXPECT_FALSE(result.ok);
  EXPECT_FALSE(result.permanent);
  EXPECT_FALSE(result.error.empty());
  EXPECT_EQ(result.error.find("secret"), std::string::npos) << result.error;
  EXPECT_LT(Clock::now() - start, 5s);
}

TEST(SmtpTransport, SilentServerTimesOutAsTemporary) {
  const LocalSocket silent(true);
  const auto start = Clock::now();
  const SendResult result =
      make_smtp_transport("smtp://127.0.0.1:" + std::to_string(silent.port()), 1s)->send(ticket_message());
  EXPECT_FALSE(result.ok);
  EXPECT_FALSE(result.permanent);
  EXPECT_FALSE(result.error.empty());
  EXPECT_LT(Clock::now() - start, 5s);
}

TEST(SmtpTransport, RejectsOtherSchemes) {
  EXPECT_THROW(make_smtp_transport("http://mail.test", 10s), std::invalid_argument);
  EXPECT_THROW(make_smtp_transport("file:///etc/passwd", 10s), std::invalid_argument);
  EXPECT_NO_THROW(make_smtp_transport("SMTPS://mail.test:465", 10s));
}

TEST(SmtpTransport, RedactsPasswords) {
  EXPECT_EQ(redact_url("smtp://user:secret@mail.test:587"), "smtp://user:***@mail.test:587");
  EXPECT_EQ(redact_url("smtps://u%40x.test:p@ss/w:rd@mail.test/helo"), "smtps://u%40x.test:***@mail.test/helo");
  EXPECT_EQ(redact_url("smtp://mail.test:25"), "smtp://mail.test:25");
  EXPECT_EQ(redact_url("smtp://user@mail.test"), "smtp://user@mail.test");
}

class EmlFileTransportTest : public testing::Test {
 protected:
  TempDir temp_{"bo-mail"};
  const fs::path& dir_ = temp_.path();
};

TEST_F(EmlFileTransportTest, WritesExactlyTheRenderedMessage) {
  const RenderedMessage rendered = render(ticket_message());
  const SendResult result = make_eml_file_transport(dir_)->deliver(rendered);
  ASSERT_TRUE(result.ok) << result.error;
  EXPECT_EQ(entries(dir_), std::vector<fs::path>{"42.7f3a@boxoffice.eml"});
  EXPECT_TRUE(read_file(dir_ / "42.7f3a@boxoffice.eml") == rendered.data);
}

TEST_F(EmlFileTransportTest, SendCreatesTheDirectoryAndReplacesOnRetry) {
  const fs::path nested = dir_ / "out" / "mail";
  const auto transport = make_eml_file_transport(nested);
  Message m = ticket_message();
  ASSERT_TRUE(transport->send(m).ok);
  m.subject = "Second attempt";
  ASSERT_TRUE(transport->send(m).ok);
  EXPECT_EQ(entries(nested), std::vector<fs::path>{"42.7f3a@boxoffice.eml"});
  EXPECT_EQ(parse_message(nested / "42.7f3a@boxoffice.eml")["subject"], "Second attempt");
}

TEST_F(EmlFileTransportTest, FailedRenameLeavesNoPartialFile) {
  fs::create_directory(dir_ / "42.7f3a@boxoffice.eml");  // the target name is taken by a directory
  const SendResult result = make_eml_file_transport(dir_)->send(ticket_message());
  EXPECT_FALSE(result.ok);
  EXPECT_FALSE(result.permanent);
  EXPECT_EQ(entries(dir_), std::vector<fs::path>{"42.7f3a@boxoffice.eml"});
  EXPECT_TRUE(fs::is_empty(dir_ / "42.7f3a@boxoffice.eml"));
}

TEST_F(EmlFileTransportTest, FailedWriteLeavesNoPartialFile) {
  const auto transport = make_eml_file_transport(dir_);
  const RenderedMessage rendered = render(ticket_message());
  // A file size limit makes the write fail half-way, like a full disk.
  rlimit old{};
  getrlimit(RLIMIT_FSIZE, &old);
  const auto old_handler = signal(SIGXFSZ, SIG_IGN);
  rlimit small = old;
  small.rlim_cur = 4096;
  setrlimit(RLIMIT_FSIZE, &small);
  const SendResult result = transport->deliver(rendered);
  setrlimit(RLIMIT_FSIZE, &old);
  signal(SIGXFSZ, old_handler);

  EXPECT_FALSE(result.ok);
  EXPECT_FALSE(result.permanent);
  EXPECT_FALSE(result.error.empty());
  EXPECT_EQ(entries(dir_), std::vector<fs::path>{});
}

TEST(EmlFileName, KeepsNamesSafe) {
  EXPECT_EQ(eml_file_name("42.abc@boxoffice"), "42.abc@boxoffice.eml");
  EXPECT_EQ(eml_file_name("../../etc/passwd@x"), "_.._.._etc_passwd@x.eml");
  EXPECT_EQ(eml_file_name(".hidden@x"), "_.hidden@x.eml");
  EXPECT_EQ(eml_file_name(""), "_.eml");
  EXPECT_LE(eml_file_name(std::string(1000, 'a')).size(), 210u);
}

}  // namespace
}  // namespace bo::mail
