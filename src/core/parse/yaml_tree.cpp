#include "parse/yaml_tree.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "ddat/files.hpp"
#include "ddat/text.hpp"

namespace ddat::yaml {

const Node* Node::find(std::string_view key_text) const {
    if (!is_mapping()) {
        return nullptr;
    }
    for (std::size_t i = 0; i < entry_count(); ++i) {
        if (key(i).is_scalar() && key(i).value == key_text) {
            return &value_at(i);
        }
    }
    return nullptr;
}

std::string_view describe(const Node& node) {
    switch (node.kind) {
        case Node::Kind::null: return "nothing";
        case Node::Kind::scalar: return "text";
        case Node::Kind::sequence: return "a list";
        case Node::Kind::mapping: return "a mapping";
    }
    return "nothing";
}

namespace {

std::string too_many_values(std::size_t max_nodes) {
    return "the file holds more than " + std::to_string(max_nodes) +
           " values (texts, lists and mappings): too many to be a framework or a self-assessment";
}

// Finds flow collections ('[...]', '{...}') that nest deeper than the depth limit or hold more
// values than the node limit, before yaml-cpp sees the text. yaml-cpp 0.7 scans a flow
// collection in block context to its end before it reports the first event, queueing every
// token (about 250 bytes each), so 30 MiB of '[' took 7 GB and 18 s before the tree builder's
// depth check ran. The scan follows YAML just far enough to tell where flow collections start
// (not in comments, quoted text, block scalars or plain text) and, where unsure, finds nothing
// and leaves the input to yaml-cpp.
class FlowScanner {
public:
    FlowScanner(std::string_view text, int max_depth, std::size_t max_values)
        : t_(text.data()), n_(text.size()), max_depth_(max_depth), max_values_(max_values) {}

    struct Problem {
        std::size_t offset = std::string_view::npos;  // npos: none
        bool too_deep = false;
    };

    Problem run() {
        if (n_ == 0 || (std::memchr(t_, '[', n_) == nullptr && std::memchr(t_, '{', n_) == nullptr)) {
            return problem_;  // no flow collection at all
        }
        std::size_t i = 0;
        // Lines indented more than this belong to a block scalar or a multi-line plain scalar
        // (-1: none).
        long skip_deeper_than = -1;
        while (i < n_ && !found()) {
            line_start_ = i;
            long indent = 0;
            while (i < n_ && t_[i] == ' ') {
                ++i;
                ++indent;
            }
            std::size_t first = i;
            while (first < n_ && (t_[first] == ' ' || t_[first] == '\t' || t_[first] == '\r')) {
                ++first;
            }
            if (first >= n_ || t_[first] == '\n') {
                i = next_line(first);  // a blank line ends nothing
                continue;
            }
            if (skip_deeper_than >= 0) {
                if (indent > skip_deeper_than) {
                    i = next_line(i);
                    continue;
                }
                skip_deeper_than = -1;
            }
            if (t_[first] == '#' || (indent == 0 && t_[i] == '%')) {
                i = next_line(first);
                continue;
            }
            if (indent == 0 && i + 3 <= n_ &&
                (std::memcmp(t_ + i, "---", 3) == 0 || std::memcmp(t_ + i, "...", 3) == 0) && blank_or_end(i + 3)) {
                i += 3;
            }
            bool node_start = true;
            long parent_column = indent - 1;  // what a multi-line scalar starting here is indented beyond
            long token_column = indent;
            while (i < n_ && t_[i] != '\n' && !found()) {
                const char c = t_[i];
                const long column = static_cast<long>(i - line_start_);
                if (c == ' ' || c == '\t' || c == '\r') {
                    ++i;
                } else if (c == '#') {
                    i = end_of_line(i);
                } else if ((c == '-' || c == '?' || c == ':') && blank_or_end(i + 1)) {
                    parent_column = c == ':' ? token_column : column;
                    node_start = true;
                    ++i;
                } else if (c == '&' || c == '!' || c == '*') {
                    while (i < n_ && !blank_or_end(i)) {
                        ++i;
                    }
                    node_start = node_start && c != '*';
                } else if (c == '[' || c == '{') {
                    token_column = column;
                    i = flow(i);
                    node_start = false;
                } else if (c == '"' || c == '\'') {
                    token_column = column;
                    i = skip_quoted(i);
                    node_start = false;
                } else if (node_start && (c == '|' || c == '>')) {
                    skip_deeper_than = parent_column;
                    i = end_of_line(i);
                } else {
                    // plain text, up to ': ', ' #' or the end of the line
                    token_column = column;
                    node_start = false;
                    while (i < n_ && t_[i] != '\n' && !(t_[i] == ':' && blank_or_end(i + 1)) &&
                           !((t_[i] == ' ' || t_[i] == '\t') && i + 1 < n_ && t_[i + 1] == '#')) {
                        ++i;
                    }
                    if (i >= n_ || t_[i] == '\n') {
                        skip_deeper_than = parent_column;  // it may go on over more-indented lines
                    }
                }
            }
            i = next_line(i);
        }
        return problem_;
    }

private:
    [[nodiscard]] bool found() const { return problem_.offset != std::string_view::npos; }

    [[nodiscard]] bool blank_or_end(std::size_t i) const {
        return i >= n_ || t_[i] == ' ' || t_[i] == '\t' || t_[i] == '\n' || t_[i] == '\r';
    }

    [[nodiscard]] bool flow_indicator(std::size_t i) const {
        return i < n_ && (t_[i] == ',' || t_[i] == '[' || t_[i] == ']' || t_[i] == '{' || t_[i] == '}');
    }

    [[nodiscard]] std::size_t end_of_line(std::size_t i) const {
        const void* end = i < n_ ? std::memchr(t_ + i, '\n', n_ - i) : nullptr;
        return end == nullptr ? n_ : static_cast<std::size_t>(static_cast<const char*>(end) - t_);
    }

    [[nodiscard]] std::size_t next_line(std::size_t i) const {
        const std::size_t end = end_of_line(i);
        return end < n_ ? end + 1 : end;
    }

    // The offset after the quoted text that starts at i (the end of the text when unclosed).
    std::size_t skip_quoted(std::size_t i) {
        const char quote = t_[i];
        for (++i; i < n_; ++i) {
            const char c = t_[i];
            if (c == '\n') {
                line_start_ = i + 1;
            } else if (quote == '"' && c == '\\') {
                if (i + 1 < n_ && t_[i + 1] == '\n') {
                    line_start_ = i + 2;
                }
                ++i;
            } else if (c == quote) {
                if (quote == '\'' && i + 1 < n_ && t_[i + 1] == '\'') {
                    ++i;
                } else {
                    return i + 1;
                }
            }
        }
        return n_;
    }

    void count_value(std::size_t at) {
        if (++values_ > max_values_ && !found()) {
            problem_ = {at, false};
        }
    }

    // Scans the flow collection that opens at i; the offset after it closes (or the end of the
    // text when it never does, which yaml-cpp reports).
    std::size_t flow(std::size_t i) {
        int depth = 0;
        bool in_plain = false;
        bool after_space = true;
        bool json_like = false;  // after quoted text or a closing bracket, ':' is an indicator even unspaced
        while (i < n_ && !found()) {
            const char c = t_[i];
            if (c == '\n' || c == ' ' || c == '\t' || c == '\r') {
                if (c == '\n') {
                    line_start_ = i + 1;
                }
                after_space = true;
                ++i;
                continue;
            }
            if (c == '#' && after_space) {
                i = end_of_line(i);
                in_plain = false;
                continue;
            }
            after_space = false;
            const bool after_json_like = json_like;
            json_like = false;
            if (c == '[' || c == '{') {
                in_plain = false;
                if (++depth > max_depth_) {
                    problem_ = {i, true};
                    break;
                }
                count_value(i);
                ++i;
            } else if (c == ']' || c == '}') {
                in_plain = false;
                json_like = true;
                ++i;
                if (--depth == 0) {
                    return i;
                }
            } else if (c == ',' || (c == ':' && (after_json_like || blank_or_end(i + 1) || flow_indicator(i + 1)))) {
                in_plain = false;
                ++i;
            } else if ((c == '"' || c == '\'') && !in_plain) {
                count_value(i);
                i = skip_quoted(i);
                json_like = true;
            } else {
                if (!in_plain) {
                    count_value(i);
                    in_plain = true;
                }
                ++i;
            }
        }
        return n_;
    }

    const char* t_;
    std::size_t n_;
    int max_depth_;
    std::size_t max_values_;
    std::size_t values_ = 0;
    std::size_t line_start_ = 0;
    Problem problem_;
};

// Thrown from inside the event handler to stop parsing at a located problem.
struct StopParsing {
    int line;
    int column;
    std::string message;
};

class TreeBuilder : public YAML::EventHandler {
public:
    TreeBuilder(int max_depth, std::size_t max_nodes, std::string_view text)
        : max_depth_(max_depth), max_nodes_(max_nodes), text_(text) {}

    Node take_root() { return std::move(root_); }
    [[nodiscard]] bool has_root() const { return has_root_; }

    void OnDocumentStart(const YAML::Mark& /*mark*/) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        refuse_anchor(mark, anchor);
        count_node(mark);
        add(leaf(Node::Kind::null, mark, "", true));
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override {
        throw StopParsing{mark.line + 1, mark.column + 1,
                          "YAML aliases (*name) are not supported: write the value out in full"};
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        refuse_anchor(mark, anchor);
        if (tag != "?") {
            check_quote_closed(mark);
        }
        count_node(mark);
        add(leaf(Node::Kind::scalar, mark, tag == "?" ? value : as_utf8(value), tag == "?"));
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value /*style*/) override {
        refuse_anchor(mark, anchor);
        open(Node::Kind::sequence, mark);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value /*style*/) override {
        refuse_anchor(mark, anchor);
        open(Node::Kind::mapping, mark);
    }
    void OnMapEnd() override { close(); }

private:
    // Anchors only serve aliases, which ddat refuses; an anchor alone is refused too, so that a
    // file never depends on either.
    static void refuse_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
        if (anchor != YAML::NullAnchor) {
            throw StopParsing{mark.line + 1, mark.column + 1,
                              "YAML anchors (&name) are not supported: remove the anchor and write values out in full"};
        }
    }

    // yaml-cpp 0.7 decodes the escapes "\N" and "\_" of a double-quoted scalar to the single
    // bytes 0x85 and 0xA0, which are not UTF-8 (the file was checked to be UTF-8, so nothing
    // else can be): they are written here as the characters they stand for, U+0085 and U+00A0,
    // so that no text ddat read is invalid UTF-8 when it is shown or written out again.
    static std::string as_utf8(const std::string& value) {
        std::string_view rest(value);
        std::size_t bad = find_invalid_utf8(rest);
        if (bad == std::string_view::npos) {
            return value;
        }
        std::string fixed;
        while (bad != std::string_view::npos) {
            const auto byte = static_cast<unsigned char>(rest[bad]);
            fixed.append(rest.substr(0, bad));
            fixed += static_cast<char>(0xC0U | (byte >> 6U));
            fixed += static_cast<char>(0x80U | (byte & 0x3FU));
            rest.remove_prefix(bad + 1);
            bad = find_invalid_utf8(rest);
        }
        fixed.append(rest);
        return fixed;
    }

    static Node leaf(Node::Kind kind, const YAML::Mark& mark, const std::string& value, bool plain) {
        Node node;
        node.kind = kind;
        node.value = value;
        node.plain = plain;
        node.line = mark.line + 1;
        node.column = mark.column + 1;
        return node;
    }

    void open(Node::Kind kind, const YAML::Mark& mark) {
        if (static_cast<int>(stack_.size()) >= max_depth_) {
            throw StopParsing{mark.line + 1, mark.column + 1,
                              "nested more than " + std::to_string(max_depth_) + " levels deep"};
        }
        count_node(mark);
        stack_.push_back(leaf(kind, mark, "", true));
    }

    void count_node(const YAML::Mark& mark) {
        if (++nodes_ > max_nodes_) {
            throw StopParsing{mark.line + 1, mark.column + 1, too_many_values(max_nodes_)};
        }
    }

    void close() {
        Node done = std::move(stack_.back());
        stack_.pop_back();
        add(std::move(done));
    }

    void add(Node node) {
        if (stack_.empty()) {
            root_ = std::move(node);
            has_root_ = true;
            return;
        }
        Node& parent = stack_.back();
        // A value left empty ('key:' and nothing after it) has the place of whatever comes next,
        // often the next line or the end of the file: it is placed at its key instead.
        if (parent.is_mapping() && parent.items.size() % 2 == 1 && node.is_null() &&
            node.line != parent.items.back().line) {
            node.line = parent.items.back().line;
            node.column = parent.items.back().column;
        }
        parent.items.push_back(std::move(node));
    }

    // yaml-cpp 0.7 accepts a quoted scalar that runs to the end of the file unclosed, swallowing
    // every line after it; refuse that.
    void check_quote_closed(const YAML::Mark& mark) const {
        if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= text_.size()) {
            return;
        }
        const auto start = static_cast<std::size_t>(mark.pos);
        const char quote = text_[start];
        if (quote != '"' && quote != '\'') {
            return;
        }
        for (std::size_t i = start + 1; i < text_.size(); ++i) {
            if (quote == '"' && text_[i] == '\\') {
                ++i;
            } else if (text_[i] == quote) {
                if (quote == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
                    ++i;
                } else {
                    return;
                }
            }
        }
        throw StopParsing{mark.line + 1, mark.column + 1,
                          std::string("not valid YAML: the quoted text that starts here is never closed: add the "
                                      "closing ") +
                              quote};
    }

    int max_depth_;
    std::size_t max_nodes_;
    std::size_t nodes_ = 0;
    std::string_view text_;
    std::vector<Node> stack_;
    Node root_;
    bool has_root_ = false;
};

// The 1-based line and column of a byte offset.
std::pair<int, int> locate(std::string_view text, std::size_t offset) {
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    }
    return {line, static_cast<int>(offset - line_start) + 1};
}

// The first line, up to `last_line` (all when 0), whose indentation holds a tab: its line and
// the tab's column, or {0, 0}.
std::pair<int, int> find_indenting_tab(std::string_view text, int last_line) {
    int line = 1;
    std::size_t start = 0;
    while (start < text.size() && (last_line == 0 || line <= last_line)) {
        std::size_t i = start;
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) {
            if (text[i] == '\t') {
                return {line, static_cast<int>(i - start) + 1};
            }
            ++i;
        }
        const std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            break;
        }
        start = end + 1;
        ++line;
    }
    return {0, 0};
}

}  // namespace

Node parse(std::string_view text, const std::string& file, const Limits& limits, Reader reader) {
    if (text.size() > limits.max_bytes) {
        throw InputError(SourceLocation{file, 0, 0}, "the file is larger than " +
                                                         std::to_string(limits.max_bytes / (std::size_t{1024} * 1024)) +
                                                         " MiB, too large to be a framework or a self-assessment");
    }
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    const bool has_bom = text.substr(0, bom.size()) == bom;
    if (has_bom) {
        text.remove_prefix(bom.size());
    }
    if (const std::size_t bad = find_invalid_utf8(text); bad != std::string_view::npos) {
        const auto [line, column] = locate(text, bad);
        throw InputError(SourceLocation{file, line, column},
                         "the file is not valid UTF-8 text: save it as UTF-8 and try again");
    }
    if (text.find('\0') != std::string_view::npos) {
        const auto [line, column] = locate(text, text.find('\0'));
        const bool utf16 =
            text.size() >= 4 && ((text[0] == '\0') != (text[1] == '\0')) && ((text[2] == '\0') != (text[3] == '\0'));
        throw InputError(SourceLocation{file, line, column},
                         utf16 ? "the file looks like UTF-16 text: save it as UTF-8 and try again"
                               : "the file holds a NUL byte: it is not a text file");
    }
    // Line ends of a lone carriage return (old Mac editors), which yaml-cpp does not take as
    // line ends: read as line feeds, which keeps every line and column.
    std::string with_line_feeds;
    if (text.find('\r') != std::string_view::npos && text.find('\n') == std::string_view::npos) {
        with_line_feeds.assign(text);
        std::replace(with_line_feeds.begin(), with_line_feeds.end(), '\r', '\n');
        text = with_line_feeds;
    }
    if (reader == Reader::any) {
        if (auto tree = parse_block_subset(text, limits)) {
            return std::move(*tree);
        }
    }
    if (const auto flow = FlowScanner(text, limits.max_depth, limits.max_nodes).run();
        flow.offset != std::string_view::npos) {
        const auto [line, column] = locate(text, flow.offset);
        throw InputError(SourceLocation{file, line, column},
                         flow.too_deep ? "nested more than " + std::to_string(limits.max_depth) + " levels deep"
                                       : too_many_values(limits.max_nodes));
    }
    std::istringstream stream{std::string(text)};
    TreeBuilder builder(limits.max_depth, limits.max_nodes, text);
    try {
        YAML::Parser parser(stream);
        parser.HandleNextDocument(builder);
        if (!builder.has_root()) {
            Node empty;
            empty.line = 1;
            empty.column = 1;
            return empty;
        }
        Node root = builder.take_root();
        TreeBuilder rest(limits.max_depth, limits.max_nodes, text);
        if (parser.HandleNextDocument(rest)) {
            const Node second = rest.has_root() ? rest.take_root() : Node{};
            if (root.is_null() && second.is_null() && second.line == root.line && second.column == root.column) {
                // the parser stood still: a stray character such as ',' that starts no document
                throw InputError(SourceLocation{file, root.line, root.column},
                                 "not valid YAML: unexpected character; a file should start with 'key: value' lines");
            }
            throw InputError(SourceLocation{file, second.line, second.column},
                             "the file holds more than one YAML document ('---'): keep one per file");
        }
        if (root.is_null() && root.line == 0) {
            root.line = 1;
            root.column = 1;
        }
        return root;
    } catch (const StopParsing& stop) {
        throw InputError(SourceLocation{file, stop.line, stop.column}, stop.message);
    } catch (const YAML::DeepRecursion& e) {
        throw InputError(SourceLocation{file, e.mark.line + 1, e.mark.column + 1},
                         "nested more than " + std::to_string(limits.max_depth) + " levels deep");
    } catch (const YAML::Exception& e) {
        const int line = e.mark.is_null() ? 0 : e.mark.line + 1;
        const int column = e.mark.is_null() ? 0 : e.mark.column + 1;
        // The commonest cause of a syntax error in a hand-written file: a tab in the indentation.
        if (const auto tab = find_indenting_tab(text, line); tab.first > 0) {
            throw InputError(SourceLocation{file, tab.first, tab.second},
                             "not valid YAML: a tab indents this line: indent with spaces only");
        }
        std::string message = "not valid YAML: " + e.msg;
        if (e.msg == YAML::ErrorMsg::MAP_VALUE || e.msg == YAML::ErrorMsg::BLOCK_ENTRY ||
            e.msg == YAML::ErrorMsg::MAP_KEY || e.msg == YAML::ErrorMsg::END_OF_MAP) {
            message +=
                " (check the indentation of this line against the lines above it, and that each "
                "'key: value' has a space after the colon)";
        }
        throw InputError(SourceLocation{file, line, column}, message);
    }
}

namespace {

// Reads fd to its end, at most max_bytes; throws too_large() beyond.
template <typename TooLarge>
std::string read_stream(int fd, const std::string& path, std::size_t max_bytes, TooLarge too_large) {
    std::string text;
    char buffer[65536];
    while (true) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw InputError(SourceLocation{path, 0, 0}, std::string("cannot be read: ") + std::strerror(errno));
        }
        if (n == 0) {
            return text;
        }
        text.append(buffer, static_cast<std::size_t>(n));
        if (text.size() > max_bytes) {
            throw too_large();
        }
    }
}

}  // namespace

std::string read_file(const std::string& path, std::size_t max_bytes, bool read_streams) {
    const auto too_large = [&] {
        return InputError(SourceLocation{path, 0, 0},
                          "the file is larger than " + std::to_string(max_bytes / (std::size_t{1024} * 1024)) + " MiB");
    };
    // open, fstat, read, close: the fewest system calls, since 'ddat team' reads thousands of files.
    // Where streams are read, open() waits for a FIFO's writer, as cat does: a writer that comes
    // late is read, and one that wrote and closed before ddat looked is never missed. Where they
    // are refused, O_NONBLOCK keeps open() from waiting on a FIFO that is then refused.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (read_streams ? 0 : O_NONBLOCK));
    if (fd < 0) {
        const int error = errno;
        if (error == ENOENT || error == ENOTDIR) {
            throw InputError(SourceLocation{path, 0, 0}, "no such file");
        }
        throw InputError(SourceLocation{path, 0, 0}, std::string("cannot be read: ") + system_error_text(error));
    }
    struct Closer {
        int fd;
        explicit Closer(int descriptor) : fd(descriptor) {}
        Closer(const Closer&) = delete;
        Closer& operator=(const Closer&) = delete;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        throw InputError(SourceLocation{path, 0, 0}, std::string("cannot be read: ") + system_error_text(errno));
    }
    if (S_ISDIR(info.st_mode)) {
        throw InputError(SourceLocation{path, 0, 0}, "is a folder, not a file");
    }
    if (!S_ISREG(info.st_mode)) {
        if (!read_streams) {
            throw InputError(
                SourceLocation{path, 0, 0},
                "is not a regular file (a device, pipe or socket): in a folder, ddat reads only regular files");
        }
        if (!S_ISFIFO(info.st_mode) && !S_ISCHR(info.st_mode)) {
            throw InputError(SourceLocation{path, 0, 0}, "is not a file, a pipe or a character device");
        }
        return read_stream(fd, path, max_bytes, too_large);
    }
    if (static_cast<std::size_t>(info.st_size) > max_bytes) {
        throw too_large();
    }
    // The size fstat gives, and one byte more to see the end (or a file that grew meanwhile).
    std::string text(static_cast<std::size_t>(info.st_size) + 1, '\0');
    std::size_t got = 0;
    while (true) {
        if (got == text.size()) {
            if (text.size() > max_bytes) {
                throw too_large();
            }
            text.resize(std::min(text.size() * 2, max_bytes + 1));
        }
        const std::size_t asked = text.size() - got;
        const ssize_t n = ::read(fd, text.data() + got, asked);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw InputError(SourceLocation{path, 0, 0}, std::string("cannot be read: ") + system_error_text(errno));
        }
        got += static_cast<std::size_t>(n);
        if (static_cast<std::size_t>(n) < asked) {
            break;  // a regular file reads short only at its end
        }
    }
    text.resize(got);
    return text;
}

}  // namespace ddat::yaml

namespace ddat {
std::string read_input_file(const std::string& path, std::size_t max_bytes, bool read_streams) {
    return yaml::read_file(path, max_bytes, read_streams);
}
}  // namespace ddat
