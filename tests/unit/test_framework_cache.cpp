// The compiled-framework cache: fast on repeated runs, never stale.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

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

namespace {

// Loads the framework folder with stamps trusted at once, and says how the answer was found.
ddat::CacheAnswer load_settled(const fs::path& folder, const fs::path& cache, ddat::Framework* result = nullptr) {
    ddat::CacheAnswer answer{};
    ddat::Framework framework = ddat::load_framework_cached(folder.string(), cache.string(), ddat::LoadScope::whole(),
                                                            {std::chrono::nanoseconds(0), &answer});
    if (result != nullptr) {
        *result = std::move(framework);
    }
    return answer;
}

}  // namespace

TEST_CASE("files that have settled are found by their stamps, without reading them", "[cache]") {
    TempDir temp;
    write(temp.path() / "fw" / "a.yaml", kFramework);
    write(temp.path() / "fw" / "b.yaml", "skills:\n  - id: t\n    name: T\n");
    const auto cache = temp.path() / "cache";
    ddat::Framework first;
    ddat::Framework second;
    CHECK(load_settled(temp.path() / "fw", cache, &first) == ddat::CacheAnswer::read_files);
    CHECK(load_settled(temp.path() / "fw", cache, &second) == ddat::CacheAnswer::by_stamps);
    CHECK(ddat::write_snapshot(first) == ddat::write_snapshot(second));
    CHECK(second.find_skill("t") != nullptr);
}

TEST_CASE("files changed within the settling time are read and hashed, not found by stamps", "[cache]") {
    TempDir temp;
    write(temp.path() / "fw" / "a.yaml", kFramework);
    const auto folder = (temp.path() / "fw").string();
    const auto cache = (temp.path() / "cache").string();
    ddat::CacheAnswer answer{};
    (void)ddat::load_framework_cached(folder, cache, ddat::LoadScope::whole(), {std::chrono::hours(1), &answer});
    CHECK(answer == ddat::CacheAnswer::read_files);
    (void)ddat::load_framework_cached(folder, cache, ddat::LoadScope::whole(), {std::chrono::hours(1), &answer});
    CHECK(answer == ddat::CacheAnswer::by_content);
    (void)ddat::load_framework_cached(folder, cache, ddat::LoadScope::whole(), {std::chrono::hours(1), &answer});
    CHECK(answer == ddat::CacheAnswer::by_content);
}

TEST_CASE("an edit that keeps a file's size and modification time is still seen", "[cache]") {
    TempDir temp;
    const fs::path file = temp.path() / "fw" / "a.yaml";
    write(file, kFramework);
    const auto cache = temp.path() / "cache";
    REQUIRE(load_settled(temp.path() / "fw", cache) == ddat::CacheAnswer::read_files);
    REQUIRE(load_settled(temp.path() / "fw", cache) == ddat::CacheAnswer::by_stamps);
    const auto modified = fs::last_write_time(file);
    // The file system's clock moves in ticks of a few milliseconds; the settling time covers an
    // edit within the same tick, which this test turns off.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::string edited = kFramework;
    edited.replace(edited.find("name: S"), 7, "name: Q");  // same size
    write(file, edited);
    fs::last_write_time(file, modified);  // and the same modification time: only the change time tells
    ddat::Framework after;
    CHECK(load_settled(temp.path() / "fw", cache, &after) == ddat::CacheAnswer::read_files);
    CHECK(after.find_skill("s")->name == "Q");
}

TEST_CASE("a file touched but not changed is hashed once, then found by its new stamps", "[cache]") {
    TempDir temp;
    const fs::path file = temp.path() / "fw" / "a.yaml";
    write(file, kFramework);
    const auto cache = temp.path() / "cache";
    REQUIRE(load_settled(temp.path() / "fw", cache) == ddat::CacheAnswer::read_files);
    fs::last_write_time(file, fs::last_write_time(file) - std::chrono::hours(24));
    CHECK(load_settled(temp.path() / "fw", cache) == ddat::CacheAnswer::by_content);
    CHECK(load_settled(temp.path() / "fw", cache) == ddat::CacheAnswer::by_stamps);
}

TEST_CASE("a file added to or removed from the folder is never answered by the old stamps", "[cache]") {
    TempDir temp;
    write(temp.path() / "fw" / "a.yaml", kFramework);
    const auto cache = temp.path() / "cache";
    REQUIRE(load_settled(temp.path() / "fw", cache) == ddat::CacheAnswer::read_files);
    write(temp.path() / "fw" / "b.yaml", "skills:\n  - id: t\n    name: T\n");
    ddat::Framework with_b;
    CHECK(load_settled(temp.path() / "fw", cache, &with_b) == ddat::CacheAnswer::read_files);
    CHECK(with_b.find_skill("t") != nullptr);
    fs::remove(temp.path() / "fw" / "b.yaml");
    ddat::Framework without_b;
    // the folder is as it was at first, file for file and stamp for stamp
    CHECK(load_settled(temp.path() / "fw", cache, &without_b) == ddat::CacheAnswer::by_stamps);
    CHECK(without_b.find_skill("t") == nullptr);
}
