// The compiled-framework cache: fast on repeated runs, never stale.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include "ddat/load/framework_loader.hpp"
#include "ddat/load/snapshot.hpp"
#include "helpers.hpp"

namespace fs = std::filesystem;
using ddat_test::TempDir;

namespace {

void write(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

const std::string kFramework = R"(framework:
  title: Cache test
families:
  - id: ops
    name: Ops
skills:
  - id: s
    name: S
roles:
  - id: r
    name: R
    family: ops
    levels:
      - id: one
        name: One
        requirements:
          s:
            level: working
)";

std::size_t snapshot_count(const fs::path& dir) {
    std::size_t count = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        count += entry.path().extension() == ".snapshot" ? 1 : 0;
    }
    return count;
}

}  // namespace

TEST_CASE("a cached framework equals the one read from YAML", "[cache]") {
    TempDir temp;
    write(temp.path() / "fw" / "a.yaml", kFramework);
    const auto cache = (temp.path() / "cache").string();
    const ddat::Framework first = ddat::load_framework_cached((temp.path() / "fw").string(), cache);
    REQUIRE(snapshot_count(cache) == 1);
    const ddat::Framework second = ddat::load_framework_cached((temp.path() / "fw").string(), cache);
    CHECK(ddat::write_snapshot(first) == ddat::write_snapshot(second));
    CHECK(second.find_level("one")->requirements.at(0).level == ddat::SkillLevel::working);
}

TEST_CASE("an edited framework is read again, never answered from the cache", "[cache]") {
    TempDir temp;
    const fs::path file = temp.path() / "fw" / "a.yaml";
    write(file, kFramework);
    const auto cache = (temp.path() / "cache").string();
    (void)ddat::load_framework_cached((temp.path() / "fw").string(), cache);
    std::string edited = kFramework;
    edited.replace(edited.find("working"), 7, "expert");  // same file, other content
    write(file, edited);
    const ddat::Framework after = ddat::load_framework_cached((temp.path() / "fw").string(), cache);
    CHECK(after.find_level("one")->requirements.at(0).level == ddat::SkillLevel::expert);
}

TEST_CASE("a damaged snapshot in the cache is ignored", "[cache]") {
    TempDir temp;
    write(temp.path() / "fw" / "a.yaml", kFramework);
    const auto cache = temp.path() / "cache";
    (void)ddat::load_framework_cached((temp.path() / "fw").string(), cache.string());
    for (const auto& entry : fs::directory_iterator(cache)) {
        std::ofstream(entry.path(), std::ios::binary | std::ios::trunc) << "DDATSNAP3 truncated";
    }
    const ddat::Framework again = ddat::load_framework_cached((temp.path() / "fw").string(), cache.string());
    CHECK(again.metadata().title == "Cache test");
}

TEST_CASE("a snapshot that another ddat wrote, in this version's place, is not used", "[cache]") {
    TempDir temp;
    write(temp.path() / "fw" / "a.yaml", kFramework);
    const auto cache = temp.path() / "cache";
    ddat::Framework cached = ddat::load_framework_cached((temp.path() / "fw").string(), cache.string());
    // What another release would have made of the same files: another answer, its own producer.
    ddat::FrameworkData read_differently = cached.data();
    read_differently.metadata.title = "Read differently";
    std::string other = ddat::write_snapshot(ddat::finish_framework(std::move(read_differently)));
    const std::string producer(ddat::snapshot_producer());
    const std::size_t at = other.find(producer);
    REQUIRE(at != std::string::npos);
    other.replace(at, 5, "ddaT ");  // same length: only the producer differs
    REQUIRE(!ddat::read_snapshot(other));
    for (const auto& entry : fs::directory_iterator(cache)) {
        std::ofstream(entry.path(), std::ios::binary | std::ios::trunc) << other;
    }
    const ddat::Framework again = ddat::load_framework_cached((temp.path() / "fw").string(), cache.string());
    CHECK(again.metadata().title == "Cache test");
}

TEST_CASE("a snapshot names its producer and writes numbers least significant byte first", "[cache][snapshot]") {
    const std::string bytes = ddat::write_snapshot(ddat::Framework{});
    const std::string producer(ddat::snapshot_producer());
    CHECK(producer.rfind("ddat ", 0) == 0);
    CHECK(producer.find(" decoder ") != std::string::npos);
    // "DDATSNAP5", the producer's length as four bytes, least significant first, then the producer
    REQUIRE(bytes.size() > 13 + producer.size());
    CHECK(bytes.substr(0, 9) == "DDATSNAP5");
    const std::string length{static_cast<char>(producer.size()), '\0', '\0', '\0'};
    CHECK(bytes.substr(9, 4) == length);
    CHECK(bytes.substr(13, producer.size()) == producer);
}

TEST_CASE("a framework with errors is reported, never cached", "[cache]") {
    TempDir temp;
    write(temp.path() / "fw" / "a.yaml", "framework:\n  title: Broken\nroles: nope\n");
    const auto cache = temp.path() / "cache";
    CHECK_THROWS_AS(ddat::load_framework_cached((temp.path() / "fw").string(), cache.string()), ddat::InputError);
    CHECK((!fs::exists(cache) || snapshot_count(cache) == 0));
}

TEST_CASE("without a cache folder the framework is read from YAML every time", "[cache]") {
    TempDir temp;
    write(temp.path() / "fw" / "a.yaml", kFramework);
    const ddat::Framework read = ddat::load_framework_cached((temp.path() / "fw").string(), "");
    CHECK(read.metadata().title == "Cache test");
}

TEST_CASE("a snapshot of every kind of content reads back equal", "[cache][snapshot]") {
    const ddat::Framework builtin = ddat::load_builtin_framework("2020-01");
    const std::string bytes = ddat::write_snapshot(builtin);
    const auto back = ddat::read_snapshot(bytes);
    REQUIRE(back.has_value());
    CHECK(ddat::write_snapshot(*back) == bytes);
    CHECK_FALSE(ddat::read_snapshot(bytes.substr(0, bytes.size() - 1)).has_value());
    CHECK_FALSE(ddat::read_snapshot(bytes + "x").has_value());
    CHECK_FALSE(ddat::read_snapshot("").has_value());
}
