// ddat's own reader for plain block mappings must make exactly the tree yaml-cpp makes (values,
// places, plain or quoted) wherever it reads a text, and decline every text yaml-cpp refuses.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "ddat/errors.hpp"
#include "ddat/text.hpp"
#include "parse/yaml_tree.hpp"

namespace {

namespace fs = std::filesystem;
using ddat::yaml::Node;

// The first difference between two trees, as a path and the two sides; empty when equal.
std::string difference(const Node& a, const Node& b, const std::string& path = "/") {
    const auto describe = [](const Node& n) {
        std::ostringstream out;
        out << static_cast<int>(n.kind) << " '" << n.value << "' plain=" << n.plain << " at " << n.line << ":"
            << n.column << " items=" << n.items.size();
        return out.str();
    };
    if (a.kind != b.kind || a.value != b.value || a.plain != b.plain || a.line != b.line || a.column != b.column ||
        a.items.size() != b.items.size()) {
        return path + ": " + describe(a) + " vs " + describe(b);
    }
    for (std::size_t i = 0; i < a.items.size(); ++i) {
        if (auto d = difference(a.items[i], b.items[i], path + std::to_string(i) + "/"); !d.empty()) {
            return d;
        }
    }
    return {};
}

const ddat::yaml::Limits kLimits{4U * 1024U * 1024U, 20, 100000};

// What the comparison of the two readers found for one text.
enum class Outcome { same_tree, declined, different };

// Reads the text with both readers. The block reader may decline anything; where it reads the
// text, yaml-cpp must read it too, to the same tree.
Outcome compare(const std::string& text) {
    const std::optional<Node> own = ddat::yaml::parse_block_subset(text, kLimits);
    if (!own) {
        return Outcome::declined;
    }
    try {
        const Node theirs = ddat::yaml::parse(text, "t.yaml", kLimits, ddat::yaml::Reader::yaml_cpp);
        const std::string d = difference(*own, theirs);
        if (!d.empty()) {
            UNSCOPED_INFO("text:\n" << text << "\nfirst difference (block reader vs yaml-cpp): " << d);
            return Outcome::different;
        }
        return Outcome::same_tree;
    } catch (const ddat::InputError& error) {
        UNSCOPED_INFO("text:\n" << text << "\nthe block reader read it, yaml-cpp refused it: " << error.what());
        return Outcome::different;
    }
}

}  // namespace

TEST_CASE("the block reader reads a self-assessment to yaml-cpp's tree", "[yaml]") {
    const std::string text =
        "# A comment\n"
        "name: Sam Example   # trailing comment\n"
        "target: 'senior-brm'\n"
        "current: \"brm\"\n"
        "\n"
        "skills:\n"
        "  Business analysis (IT operations): working\n"
        "  service-focus: 2\n"
        "  relationship-management:\n"
        "    level: practitioner\n"
        "    evidence: It's 10:30, a fine day#1 — ünïcödé # not this\n"
        "  user-focus: 'it''s'\n";
    REQUIRE(compare(text) == Outcome::same_tree);
    const Node root = *ddat::yaml::parse_block_subset(text, kLimits);
    const Node* skills = root.find("skills");
    REQUIRE(skills != nullptr);
    REQUIRE(skills->entry_count() == 4);
    CHECK(skills->key(0).value == "Business analysis (IT operations)");
    CHECK(skills->value_at(2).find("evidence")->value == "It's 10:30, a fine day#1 — ünïcödé");
    CHECK(skills->value_at(3).value == "it's");
    CHECK_FALSE(skills->value_at(3).plain);
    CHECK(root.find("name")->value == "Sam Example");
    CHECK(root.find("name")->column == 7);
}

TEST_CASE("the block reader declines what is outside its subset", "[yaml]") {
    const std::vector<std::string> others = {
        "",
        "# only a comment\n",
        "skills: {}\n",
        "skills:\n  - a\n",
        "name:\n",
        "name: ~\nskills:\n  a: 1\n",
        "name: |\n  block\n",
        "name: >\n  folded\n",
        "name: a\n  continued\n",
        "name: \"escaped\\n\"\n",
        "name: \"open\n  more\"\n",
        "name: &a x\n",
        "name: *a\n",
        "name: !tag x\n",
        "? complex\n: key\n",
        "---\nname: x\n",
        "name: x\n...\n",
        "name: x\r\r\n",
        "name: x\r",
        "name:\tx\n",
        "a: b: c\n",
        "a: b:\n",
        "  a: 1\nb: 2\n",
        "a:\n    b: 1\n  c: 2\n",
        "null: x\n",
        "\"quoted key\": x\n",
        "a : x\n",
        "a: 'x' y\n",
        "a: [1, 2]\n",
        "just text\n",
    };
    for (const auto& text : others) {
        INFO(text);
        CHECK(compare(text) == Outcome::declined);
    }
}

// Random texts built from the pieces a hand-written self-assessment is made of, and the ones that
// trip a reader up: comments, quotes, colons, hashes, letter case, CRLF, indentation, unicode.
TEST_CASE("the block reader and yaml-cpp agree on 20,000 random texts", "[yaml]") {
    std::mt19937 random(20261123);
    const std::vector<std::string> keys = {"name", "skills", "level", "evidence", "a:b",    "C#",  "ünï",  "x y",
                                           "-key", "key-",   "'q'",   "k'q",      "null",   "~",   "1",    "true",
                                           "a #b", "a#b",    "#c",    "?",        "a?",     "...", "---x", "a\\b",
                                           "é: x", "a,b",    "%p",    "@at",      "key\"q", "k:",  ":k",   "k: "};
    const std::vector<std::string> values = {"working",
                                             "2",
                                             "It's fine",
                                             "a: b",
                                             "a:b",
                                             "x # comment",
                                             "x#y",
                                             "'single'",
                                             "'it''s'",
                                             "'open",
                                             "\"double\"",
                                             "\"esc\\\"aped\"",
                                             "\"open",
                                             "'a' # c",
                                             "'a'#c",
                                             "'a' b",
                                             "",
                                             "   ",
                                             "# only",
                                             "~",
                                             "null",
                                             "Null",
                                             "-x",
                                             "- x",
                                             "? x",
                                             "|",
                                             ">",
                                             "&a x",
                                             "*a",
                                             "!t x",
                                             "%x",
                                             "@x",
                                             "`x",
                                             "x:",
                                             "x :",
                                             "é ü",
                                             "\xC2\x85"
                                             "next",
                                             "\xE2\x80\xA8"
                                             "ls",
                                             "\xEF\xBB\xBF"
                                             "bom",
                                             "x  ",
                                             "x\t",
                                             "'a'  ",
                                             "\"a\"  # c",
                                             "a, b",
                                             "a]",
                                             "'multi",
                                             "\"a\" \"b\"",
                                             "a\\b",
                                             "''",
                                             "\"\"",
                                             "'#'",
                                             "a #",
                                             "a # b: c",
                                             "true",
                                             "0x10",
                                             "1e3"};
    const std::vector<std::string> ends = {"\n", "\n", "\n", "\r\n", "", "  \n", " # c\n", "\n\n", "\n# line\n"};
    int same = 0;
    int declined = 0;
    for (int round = 0; round < 20000; ++round) {
        std::string text;
        const int lines = 1 + static_cast<int>(random() % 6);
        int indent = 0;
        for (int l = 0; l < lines; ++l) {
            const int move = static_cast<int>(random() % 5);
            if (move == 0 && indent >= 2) {
                indent -= 2;
            } else if (move == 1) {
                indent += 2;
            } else if (move == 2) {
                indent += 1;
            } else if (move == 3) {
                indent = 0;
            }
            text += std::string(static_cast<std::size_t>(indent), ' ');
            // half the time one of the first, ordinary pieces, so that many texts are valid
            const auto pick = [&](const std::vector<std::string>& from) {
                return from[random() % (random() % 2 == 0 ? 4 : from.size())];
            };
            text += pick(keys);
            text += random() % 3 == 0 ? ":" : ": ";
            text += pick(values);
            text += ends[random() % ends.size()];
        }
        const Outcome outcome = compare(text);
        REQUIRE(outcome != Outcome::different);
        (outcome == Outcome::same_tree ? same : declined) += 1;
    }
    // Both kinds of text must be common, or the comparison proves little.
    CHECK(same > 1000);
    CHECK(declined > 2000);
}

TEST_CASE("the block reader agrees with yaml-cpp on every YAML file of the project", "[yaml]") {
    const fs::path root = fs::path(__FILE__).parent_path().parent_path().parent_path();
    int read = 0;
    for (const char* folder : {"examples", "tests", "framework", "docs"}) {
        for (const auto& entry : fs::recursive_directory_iterator(root / folder)) {
            const std::string extension = entry.path().extension().string();
            const bool yaml = extension == ".yaml" || extension == ".yml" || entry.path().filename() == "stdin";
            if (!entry.is_regular_file() || !yaml || entry.file_size() > 1024 * 1024) {
                continue;
            }
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream buffer;
            buffer << in.rdbuf();
            std::string text = buffer.str();
            if (text.starts_with("\xEF\xBB\xBF") || text.find('\0') != std::string::npos ||
                ddat::find_invalid_utf8(text) != std::string_view::npos) {
                continue;  // parse() strips the mark, and refuses NUL and invalid UTF-8, before either reader
            }
            INFO(entry.path().string());
            const Outcome outcome = compare(text);
            CHECK(outcome != Outcome::different);
            read += outcome == Outcome::same_tree ? 1 : 0;
        }
    }
    CHECK(read >= 10);
}
