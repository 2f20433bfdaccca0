// A YAML document as a small tree of nodes that remember where they were written. This is the
// only place ddat touches yaml-cpp: the loaders decode this tree into typed structs.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ddat/errors.hpp"

namespace ddat::yaml {

// One node: null, a scalar (text), a sequence or a mapping.
struct Node {
    enum class Kind { null, scalar, sequence, mapping };

    Kind kind = Kind::null;
    std::string value;        // the scalar's text
    bool plain = true;        // a scalar written without quotes or block style
    std::vector<Node> items;  // a sequence's items; a mapping's keys and values, alternating
    int line = 0;             // 1-based
    int column = 0;           // 1-based

    [[nodiscard]] bool is_null() const { return kind == Kind::null; }
    [[nodiscard]] bool is_scalar() const { return kind == Kind::scalar; }
    [[nodiscard]] bool is_sequence() const { return kind == Kind::sequence; }
    [[nodiscard]] bool is_mapping() const { return kind == Kind::mapping; }

    // A mapping's number of entries, and its i-th key and value.
    [[nodiscard]] std::size_t entry_count() const { return items.size() / 2; }
    [[nodiscard]] const Node& key(std::size_t i) const { return items[2 * i]; }
    [[nodiscard]] const Node& value_at(std::size_t i) const { return items[2 * i + 1]; }

    // The value of the first entry whose key is this text, or nullptr.
    [[nodiscard]] const Node* find(std::string_view key_text) const;
};

// Limits that keep a hostile file from exhausting the machine.
struct Limits {
    std::size_t max_bytes = std::size_t{32} * 1024 * 1024;
    int max_depth = 100;
    // Values (texts, lists and mappings, keys included) in one document. The whole published
    // framework has about 13,000 and its largest file under 3,000. Each costs about 100 bytes
    // in the tree and a microsecond or two to read, and yaml-cpp queues about 250 bytes per
    // token of a flow collection before it reports anything.
    std::size_t max_nodes = 250000;
};

// Who reads the YAML: ddat's own reader for plain block mappings of one-line texts (the usual
// self-assessment) with yaml-cpp for everything else, or yaml-cpp alone.
enum class Reader { any, yaml_cpp };

// Parses one YAML document. A byte-order mark is skipped. Throws InputError (located in `file`)
// for invalid UTF-8, a syntax error, nesting deeper than limits.max_depth, more than
// limits.max_nodes values, an alias, more than one document or text longer than
// limits.max_bytes. An empty document is a null node.
Node parse(std::string_view text, const std::string& file, const Limits& limits = {}, Reader reader = Reader::any);

// The tree parse() makes of text in the subset ddat reads itself (block mappings whose values are
// one-line plain or simply quoted texts, comments, blank lines), in a fraction of yaml-cpp's
// time; nullopt for any other text, or text beyond the limits. The text is valid UTF-8 without a
// byte-order mark or NUL byte.
std::optional<Node> parse_block_subset(std::string_view text, const Limits& limits);

// Reads a whole file of at most max_bytes ("-" is a file of that name). A pipe, FIFO or
// character device is read as a stream to its end (a FIFO waits for a writer, as cat does) when
// read_streams is true, and refused otherwise. Throws InputError naming the file when it is
// missing, unreadable, a folder, a block device or socket, or too large.
std::string read_file(const std::string& path, std::size_t max_bytes, bool read_streams = true);

// A word for the node's kind as a user would say it: "text", "a list", "a mapping", "nothing".
std::string_view describe(const Node& node);

}  // namespace ddat::yaml
