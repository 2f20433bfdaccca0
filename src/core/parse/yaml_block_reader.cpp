// A reader for the plainest YAML, the way self-assessments are written: block mappings of
// one-line texts. It makes the same tree as the yaml-cpp reader (values, places, plain or
// quoted) in a fraction of the time, and declines everything else, which parse() then gives to
// yaml-cpp. tests/unit/test_yaml_block_reader.cpp and the fuzz_assessment target compare the two.
#include <cstring>

#include "parse/yaml_tree.hpp"

namespace ddat::yaml {

namespace {

// Characters that give a YAML scalar a meaning other than plain text when they come first.
bool is_indicator(char c) { return c == '\0' || std::strchr("-?:,[]{}#&*!|>'\"%@`", c) != nullptr; }

// The texts a plain scalar spells null with, which yaml-cpp reports as null, not as text.
bool is_null_word(std::string_view text) {
    return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

// False when the text holds a character whose handling this reader leaves to yaml-cpp: a tab,
// a flow collection's bracket, a control character, or a character some YAML readers take for a
// line break or a byte-order mark (U+0085, U+2028, U+2029, U+FEFF).
bool only_ordinary_characters(std::string_view text) {
    const std::size_t n = text.size();
    const auto byte = [&](std::size_t i) -> unsigned char { return i < n ? static_cast<unsigned char>(text[i]) : 0; };
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned char c = byte(i);
        if (c >= 0x20 && c < 0x7F) {
            if (c == '[' || c == ']' || c == '{' || c == '}') {
                return false;
            }
            continue;
        }
        if (c == '\n' || c == '\r') {
            continue;
        }
        if (c < 0x80) {
            return false;  // a tab, another control character, or DEL
        }
        const unsigned char next = byte(i + 1);
        const unsigned char third = byte(i + 2);
        if ((c == 0xC2 && next < 0xA0) || (c == 0xE2 && next == 0x80 && (third == 0xA8 || third == 0xA9)) ||
            (c == 0xEF && next == 0xBB && third == 0xBF) || (c == 0xEF && next == 0xBF && third >= 0xBE)) {
            return false;  // C1 controls (U+0085 among them), U+2028, U+2029, U+FEFF, U+FFFE, U+FFFF
        }
    }
    return true;
}

// One line of the text: its indentation and content, comments and trailing spaces removed.
struct Line {
    int number = 0;          // 1-based
    std::size_t indent = 0;  // spaces before the content
    std::string_view content;
};

class BlockReader {
public:
    BlockReader(std::string_view text, const Limits& limits) : text_(text), limits_(limits) {}

    std::optional<Node> read() {
        if (!only_ordinary_characters(text_)) {
            return std::nullopt;
        }
        if (!next_line()) {
            return std::nullopt;  // an empty document
        }
        Node root;
        if (!mapping(line_.indent, root, 1)) {
            return std::nullopt;
        }
        if (has_line_) {
            return std::nullopt;  // a line indented less than the document
        }
        return root;
    }

private:
    // Moves to the next line with content, skipping blank and comment lines. False at the end,
    // and for a line this reader does not take (has_line_ is then false and declined_ true).
    bool next_line() {
        has_line_ = false;
        while (position_ < text_.size()) {
            const std::size_t end = std::min(text_.find('\n', position_), text_.size());
            std::string_view raw = text_.substr(position_, end - position_);
            position_ = end + 1;
            ++line_number_;
            if (end < text_.size() && !raw.empty() && raw.back() == '\r') {  // CRLF
                raw.remove_suffix(1);
            }
            if (raw.find('\r') != std::string_view::npos) {
                declined_ = true;
                return false;
            }
            const std::size_t indent = raw.find_first_not_of(' ');
            if (indent == std::string_view::npos || raw[indent] == '#') {
                continue;
            }
            if (indent == 0 && (raw.starts_with("---") || raw.starts_with("..."))) {
                declined_ = true;  // document markers
                return false;
            }
            line_ = Line{line_number_, indent, raw.substr(indent)};
            has_line_ = true;
            return true;
        }
        return false;
    }

    // Reads the entries of a mapping whose keys are indented by `indent`, starting at the
    // current line, into `node`. False when the text is not in this reader's subset.
    bool mapping(std::size_t indent, Node& node, int depth) {
        if (depth > limits_.max_depth || !count_node()) {
            return false;
        }
        node.kind = Node::Kind::mapping;
        node.line = line_.number;
        node.column = static_cast<int>(indent) + 1;
        while (has_line_ && line_.indent == indent) {
            const std::string_view content = line_.content;
            if (is_indicator(content.front())) {
                return false;
            }
            // The key ends at the first ':' followed by a space or the end of the line.
            std::size_t colon = content.find(':');
            while (colon != std::string_view::npos && colon + 1 < content.size() && content[colon + 1] != ' ') {
                colon = content.find(':', colon + 1);
            }
            if (colon > 1000) {
                return false;  // no 'key: value' (npos), or a key longer than yaml-cpp takes (1024)
            }
            const std::string_view key_text = content.substr(0, colon);
            if (key_text.back() == ' ' || key_text.find(" #") != std::string_view::npos || is_null_word(key_text)) {
                return false;
            }
            Node key = scalar(key_text, static_cast<int>(indent) + 1, true);
            if (!count_node()) {
                return false;
            }
            std::size_t value_start = colon + 1;
            while (value_start < content.size() && content[value_start] == ' ') {
                ++value_start;
            }
            const std::string_view rest = content.substr(value_start);
            const int value_column = static_cast<int>(indent + value_start) + 1;
            const int key_line = line_.number;
            node.items.push_back(std::move(key));
            if (rest.empty() || rest.front() == '#') {
                // The value is the block below, indented more.
                if (!next_line() || line_.indent <= indent) {
                    return false;  // a null value: left to yaml-cpp, which places it
                }
                Node child;
                if (!mapping(line_.indent, child, depth + 1)) {
                    return false;
                }
                node.items.push_back(std::move(child));
                continue;
            }
            Node value;
            if (!value_scalar(rest, key_line, value_column, value)) {
                return false;
            }
            node.items.push_back(std::move(value));
            if (!next_line()) {
                return !declined_;
            }
            if (line_.indent > indent) {
                return false;  // a value continued on the next line
            }
        }
        return !declined_ && (!has_line_ || line_.indent < indent);
    }

    // The value after 'key: ', already known not to be empty or a comment.
    bool value_scalar(std::string_view rest, int line, int column, Node& value) {
        if (!count_node()) {
            return false;
        }
        const char first = rest.front();
        if (first == '\'' || first == '"') {
            std::string text;
            std::size_t i = 1;
            for (;; ++i) {
                if (i >= rest.size()) {
                    return false;  // continued on the next line, or never closed
                }
                if (rest[i] == '\\' && first == '"') {
                    return false;  // escapes are yaml-cpp's business
                }
                if (rest[i] == first) {
                    if (first == '\'' && i + 1 < rest.size() && rest[i + 1] == '\'') {
                        text += '\'';
                        ++i;
                        continue;
                    }
                    break;
                }
                text += rest[i];
            }
            const std::string_view after = rest.substr(i + 1);
            const std::size_t next = after.find_first_not_of(' ');
            if (next != std::string_view::npos && (after[next] != '#' || next == 0)) {
                return false;  // something after the closing quote
            }
            value = scalar(text, column, false);
            value.line = line;
            return true;
        }
        if (is_indicator(first)) {
            return false;
        }
        std::string_view text = rest;
        if (const std::size_t comment = text.find(" #"); comment != std::string_view::npos) {
            text = text.substr(0, comment);
        }
        while (!text.empty() && text.back() == ' ') {
            text.remove_suffix(1);
        }
        if (text.find(": ") != std::string_view::npos || text.back() == ':' || is_null_word(text)) {
            return false;
        }
        value = scalar(text, column, true);
        value.line = line;
        return true;
    }

    [[nodiscard]] Node scalar(std::string_view text, int column, bool plain) const {
        Node node;
        node.kind = Node::Kind::scalar;
        node.value = std::string(text);
        node.plain = plain;
        node.line = line_.number;
        node.column = column;
        return node;
    }

    bool count_node() { return ++nodes_ <= limits_.max_nodes; }

    std::string_view text_;
    const Limits& limits_;
    std::size_t position_ = 0;
    int line_number_ = 0;
    Line line_;
    bool has_line_ = false;
    bool declined_ = false;
    std::size_t nodes_ = 0;
};

}  // namespace

std::optional<Node> parse_block_subset(std::string_view text, const Limits& limits) {
    return BlockReader(text, limits).read();
}

}  // namespace ddat::yaml
