// Reading and writing CSV (RFC 4180): quoted cells with commas, doubled quotes and line breaks,
// line ends, a byte-order mark, and each malformed input reported at its place.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ddat/errors.hpp"
#include "ddat/parse/csv.hpp"
#include "helpers.hpp"

using ddat::csv_cell;
using ddat::csv_line;
using ddat::CsvRecord;
using ddat::parse_csv;
using ddat_test::check_diagnostic;
using ddat_test::contains;

namespace {

using Cells = std::vector<std::string>;

// The diagnostic of parsing text that must fail.
ddat::Diagnostic parse_problem(const std::string& text) {
    return ddat_test::only(ddat_test::input_problems([&] { (void)parse_csv(text, "t.csv"); }, "the CSV parsed"));
}

}  // namespace

TEST_CASE("parse_csv reads plain records with their line numbers", "[csv]") {
    const auto records = parse_csv("a,b,c\nd,e,f\n", "t.csv");
    REQUIRE(records.size() == 2);
    CHECK(records[0].cells == Cells{"a", "b", "c"});
    CHECK(records[0].line == 1);
    CHECK(records[1].cells == Cells{"d", "e", "f"});
    CHECK(records[1].line == 2);
}

TEST_CASE("parse_csv keeps empty cells, leading and trailing", "[csv]") {
    const auto records = parse_csv(",a,,\n", "t.csv");
    REQUIRE(records.size() == 1);
    CHECK(records[0].cells == Cells{"", "a", "", ""});
}

TEST_CASE("parse_csv reads a last record without a line end", "[csv]") {
    const auto records = parse_csv("a,b\nc,d", "t.csv");
    REQUIRE(records.size() == 2);
    CHECK(records[1].cells == Cells{"c", "d"});
    CHECK(records[1].line == 2);
}

TEST_CASE("parse_csv reads quoted cells holding commas", "[csv]") {
    const auto records = parse_csv("\"one, two\",three\n", "t.csv");
    REQUIRE(records.size() == 1);
    CHECK(records[0].cells == Cells{"one, two", "three"});
}

TEST_CASE("parse_csv turns doubled quotes inside a quoted cell into one", "[csv]") {
    const auto records = parse_csv("\"say \"\"hello\"\"\",x\n\"\"\"\"\n", "t.csv");
    REQUIRE(records.size() == 2);
    CHECK(records[0].cells == Cells{"say \"hello\"", "x"});
    CHECK(records[1].cells == Cells{"\""});
}

TEST_CASE("parse_csv reads an empty quoted cell as empty", "[csv]") {
    const auto records = parse_csv("\"\",b\n", "t.csv");
    REQUIRE(records.size() == 1);
    CHECK(records[0].cells == Cells{"", "b"});
}

TEST_CASE("parse_csv keeps a quote inside an unquoted cell as it is", "[csv]") {
    const auto records = parse_csv("5\" disk,b\n", "t.csv");
    REQUIRE(records.size() == 1);
    CHECK(records[0].cells == Cells{"5\" disk", "b"});
}

TEST_CASE("parse_csv keeps line breaks in quoted cells, and each record's starting line", "[csv]") {
    const std::string text =
        "h1,h2\n"
        "\"first\nsecond\n- bullet\",x\n"
        "after,y\n"
        "z,\"one\n\ntwo\"\n"
        "last,w\n";
    const auto records = parse_csv(text, "t.csv");
    REQUIRE(records.size() == 5);
    CHECK(records[1].cells == Cells{"first\nsecond\n- bullet", "x"});
    CHECK(records[1].line == 2);
    CHECK(records[2].cells == Cells{"after", "y"});
    CHECK(records[2].line == 5);
    CHECK(records[3].cells == Cells{"z", "one\n\ntwo"});
    CHECK(records[3].line == 6);
    CHECK(records[4].line == 9);
}

TEST_CASE("parse_csv accepts CRLF line ends", "[csv]") {
    const auto records = parse_csv("a,b\r\nc,d\r\n", "t.csv");
    REQUIRE(records.size() == 2);
    CHECK(records[0].cells == Cells{"a", "b"});
    CHECK(records[1].cells == Cells{"c", "d"});
    CHECK(records[1].line == 2);
}

TEST_CASE("parse_csv accepts CRLF after a quoted cell", "[csv]") {
    const auto records = parse_csv("\"a\",\"b\"\r\n\"c\",d\r\n", "t.csv");
    REQUIRE(records.size() == 2);
    CHECK(records[0].cells == Cells{"a", "b"});
    CHECK(records[1].cells == Cells{"c", "d"});
}

TEST_CASE("parse_csv skips a byte-order mark", "[csv]") {
    const auto records = parse_csv("\xEF\xBB\xBFRole,Skill\nx,y\n", "t.csv");
    REQUIRE(records.size() == 2);
    CHECK(records[0].cells == Cells{"Role", "Skill"});
    CHECK(records[0].line == 1);
}

TEST_CASE("parse_csv ignores the empty line after the last line end", "[csv]") {
    CHECK(parse_csv("a,b\n", "t.csv").size() == 1);
    CHECK(parse_csv("a,b\r\n", "t.csv").size() == 1);
    CHECK(parse_csv("", "t.csv").empty());
    CHECK(parse_csv("\xEF\xBB\xBF", "t.csv").empty());
}

TEST_CASE("parse_csv keeps UTF-8 text", "[csv]") {
    const auto records = parse_csv("caf\xC3\xA9,\xE2\x80\x99quote\xE2\x80\x99\n", "t.csv");
    REQUIRE(records.size() == 1);
    CHECK(records[0].cells == Cells{"caf\xC3\xA9", "\xE2\x80\x99quote\xE2\x80\x99"});
}

TEST_CASE("parse_csv reports an unclosed quote at the opening quote", "[csv]") {
    const auto problem = parse_problem("a,b\nc,\"never\nclosed,d\nmore\n");
    check_diagnostic(problem, {.file = "t.csv", .line = 2, .column = 3, .contains = {"never closed"}});
}

TEST_CASE("parse_csv reports an unclosed quote at the start of the file", "[csv]") {
    const auto problem = parse_problem("\"abc");
    check_diagnostic(problem, {.line = 1, .column = 1});
}

TEST_CASE("parse_csv reports text after a closing quote where it is", "[csv]") {
    const auto problem = parse_problem("h\n\"ab\"c,d\n");
    check_diagnostic(problem, {.file = "t.csv", .line = 2, .column = 5, .contains = {"after the closing quote"}});
}

TEST_CASE("parse_csv reports text after a closing quote on a later line of a multi-line cell", "[csv]") {
    const auto problem = parse_problem("\"a\nb\" x\n");
    check_diagnostic(problem, {.line = 2, .column = 3});
}

TEST_CASE("parse_csv rejects invalid UTF-8 at its place", "[csv]") {
    const auto problem = parse_problem(
        "a,b\nc,d\xFF"
        "e\n");
    check_diagnostic(problem, {.file = "t.csv", .line = 2, .column = 4, .contains = {"UTF-8"}});
}

TEST_CASE("parse_csv rejects a truncated UTF-8 sequence and a Latin-1 byte", "[csv]") {
    CHECK_THROWS_AS(parse_csv("caf\xC3", "t.csv"), ddat::InputError);
    CHECK_THROWS_AS(parse_csv("caf\xE9,x\n", "t.csv"), ddat::InputError);
}

TEST_CASE("csv_cell leaves plain text alone", "[csv]") {
    CHECK(csv_cell("plain text") == "plain text");
    CHECK(csv_cell("") == "");
    CHECK(csv_cell("  spaced  ") == "  spaced  ");
}

TEST_CASE("csv_cell quotes a cell with a comma, quote or line break", "[csv]") {
    CHECK(csv_cell("a,b") == "\"a,b\"");
    CHECK(csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_cell("one\ntwo") == "\"one\ntwo\"");
    CHECK(csv_cell("one\r\ntwo") == "\"one\r\ntwo\"");
    CHECK(csv_cell("\"") == "\"\"\"\"");
}

TEST_CASE("csv_line joins cells with commas and ends in CRLF", "[csv]") {
    CHECK(csv_line({"a", "b,c", ""}) == "a,\"b,c\",\r\n");
    CHECK(csv_line({"only"}) == "only\r\n");
}

TEST_CASE("what csv_line writes, parse_csv reads back exactly", "[csv]") {
    const std::vector<Cells> rows = {
        {"Role Family", "Role", "Skill Description"},
        {"IT operations", "a, b", "He said \"yes\"\n- bullet one\n- bullet two"},
        {"", "\"", ",,,"},
        {"caf\xC3\xA9", "trailing space ", "\n"},
    };
    std::string text;
    for (const auto& row : rows) {
        text += csv_line(row);
    }
    const auto records = parse_csv(text, "t.csv");
    REQUIRE(records.size() == rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        CHECK(records[i].cells == rows[i]);
    }
    CHECK(records[0].line == 1);
    CHECK(records[1].line == 2);
    CHECK(records[2].line == 5);
    CHECK(records[3].line == 6);
}
