// The snapshot's index and sections, and load scopes: a command reads only what it touches.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <string>

#include "ddat/load/framework_loader.hpp"
#include "ddat/load/snapshot.hpp"
#include "ddat/resolve.hpp"

namespace {

const ddat::Framework& whole_2025() {
    static const ddat::Framework framework = ddat::load_builtin_framework("2025-10");
    return framework;
}

const std::string& bytes_2025() {
    static const std::string bytes = ddat::write_snapshot(whole_2025());
    return bytes;
}

ddat::Framework read(const std::string& bytes, const ddat::LoadScope& scope) {
    std::string problem;
    auto framework = ddat::read_snapshot(bytes, scope, &problem);
    INFO(problem);
    REQUIRE(framework.has_value());
    return std::move(*framework);
}

// The snapshot with the four bytes before `text` (its length) set to `length`.
std::string with_length_before(std::string bytes, const std::string& text, std::uint32_t length) {
    const std::size_t at = bytes.find(text);
    REQUIRE(at != std::string::npos);
    REQUIRE(at >= 4);
    for (std::size_t i = 0; i < 4; ++i) {
        bytes[at - 4 + i] = static_cast<char>((length >> (8 * i)) & 0xFFU);
    }
    return bytes;
}

}  // namespace

TEST_CASE("the outline holds every name, id and alias, and no texts or requirements", "[snapshot][scope]") {
    const ddat::Framework& whole = whole_2025();
    const ddat::Framework outline = read(bytes_2025(), ddat::LoadScope::outline());
    CHECK(outline.metadata().title == whole.metadata().title);
    CHECK(outline.metadata().corrections.size() == whole.metadata().corrections.size());
    CHECK(outline.families().size() == whole.families().size());
    CHECK(outline.renamed_skills().size() == whole.renamed_skills().size());
    REQUIRE(outline.skills().size() == whole.skills().size());
    for (std::size_t i = 0; i < whole.skills().size(); ++i) {
        CHECK(outline.skills()[i].id == whole.skills()[i].id);
        CHECK(outline.skills()[i].name == whole.skills()[i].name);
        CHECK(outline.skills()[i].aliases == whole.skills()[i].aliases);
        CHECK(outline.skills()[i].description.empty());
        CHECK(outline.skills()[i].levels.empty());
    }
    REQUIRE(outline.roles().size() == whole.roles().size());
    std::size_t levels = 0;
    for (std::size_t i = 0; i < whole.roles().size(); ++i) {
        const ddat::Role& role = outline.roles()[i];
        CHECK(role.id == whole.roles()[i].id);
        CHECK(role.family_id == whole.roles()[i].family_id);
        CHECK(role.description.empty());
        REQUIRE(role.levels.size() == whole.roles()[i].levels.size());
        for (std::size_t k = 0; k < role.levels.size(); ++k) {
            const ddat::RoleLevel& level = role.levels[k];
            const ddat::RoleLevel& full = whole.roles()[i].levels[k];
            CHECK(level.id == full.id);
            CHECK(level.name == full.name);
            CHECK(level.aliases == full.aliases);
            CHECK(level.role_id == full.role_id);
            CHECK(level.pay_band == full.pay_band);
            CHECK(level.track == full.track);
            CHECK(level.requirements.empty());
            CHECK(level.description.empty());
            ++levels;
        }
    }
    CHECK(levels == 205);
    CHECK_FALSE(outline.scope().requirements);
    CHECK_FALSE(outline.scope().has_role_texts(whole.roles().front().id));
}

TEST_CASE("one role's scope reads that role whole, and the texts of the skills it requires", "[snapshot][scope]") {
    const ddat::Framework& whole = whole_2025();
    const ddat::Role& wanted = *whole.find_role("data-scientist");
    const ddat::Framework one = read(bytes_2025(), ddat::LoadScope::role(wanted.id));
    const ddat::Role& role = *one.find_role(wanted.id);
    CHECK(role.description == wanted.description);
    CHECK(role.skills.size() == wanted.skills.size());
    REQUIRE(role.levels.size() == wanted.levels.size());
    for (std::size_t k = 0; k < role.levels.size(); ++k) {
        const ddat::RoleLevel& level = role.levels[k];
        const ddat::RoleLevel& full = wanted.levels[k];
        CHECK(level.description == full.description);
        CHECK(level.responsibilities.size() == full.responsibilities.size());
        CHECK(level.alias_locations.size() == full.alias_locations.size());
        REQUIRE(level.requirements.size() == full.requirements.size());
        for (std::size_t r = 0; r < level.requirements.size(); ++r) {
            CHECK(level.requirements[r].skill_id == full.requirements[r].skill_id);
            CHECK(level.requirements[r].level == full.requirements[r].level);
            CHECK(level.requirements[r].description == full.requirements[r].description);
            CHECK(one.requirement_text(level.requirements[r]) == whole.requirement_text(full.requirements[r]));
            // the skill's own texts are read for the skills this role requires
            CHECK(one.find_skill(level.requirements[r].skill_id)->levels.size() ==
                  whole.find_skill(level.requirements[r].skill_id)->levels.size());
        }
    }
    // every other role is outline only
    for (const auto& other : one.roles()) {
        if (other.id != wanted.id) {
            CHECK(other.description.empty());
            for (const auto& level : other.levels) {
                CHECK(level.requirements.empty());
            }
        }
    }
    // and a skill no level of the role requires keeps no texts
    const auto unread = std::find_if(one.skills().begin(), one.skills().end(), [&](const ddat::Skill& skill) {
        return std::none_of(wanted.levels.begin(), wanted.levels.end(), [&](const ddat::RoleLevel& level) {
            return std::any_of(level.requirements.begin(), level.requirements.end(),
                               [&](const ddat::Requirement& r) { return r.skill_id == skill.id; });
        });
    });
    REQUIRE(unread != one.skills().end());
    CHECK(unread->description.empty());
    CHECK(!whole.find_skill(unread->id)->description.empty());
}

TEST_CASE("the requirements scope reads every level's requirements and criteria, without texts", "[snapshot][scope]") {
    const ddat::Framework old = ddat::load_builtin_framework("2020-01");
    const ddat::Framework lean = read(ddat::write_snapshot(old), ddat::LoadScope::requirements_only());
    const auto full_levels = old.all_levels();
    const auto lean_levels = lean.all_levels();
    REQUIRE(lean_levels.size() == full_levels.size());
    std::size_t criteria = 0;
    for (std::size_t i = 0; i < full_levels.size(); ++i) {
        REQUIRE(lean_levels[i]->requirements.size() == full_levels[i]->requirements.size());
        for (std::size_t r = 0; r < full_levels[i]->requirements.size(); ++r) {
            CHECK(lean_levels[i]->requirements[r].skill_id == full_levels[i]->requirements[r].skill_id);
            CHECK(lean_levels[i]->requirements[r].level == full_levels[i]->requirements[r].level);
            CHECK(lean_levels[i]->requirements[r].description.empty());
        }
        REQUIRE(lean_levels[i]->criteria.size() == full_levels[i]->criteria.size());
        for (std::size_t c = 0; c < full_levels[i]->criteria.size(); ++c) {
            CHECK(lean_levels[i]->criteria[c].id == full_levels[i]->criteria[c].id);
            CHECK(lean_levels[i]->criteria[c].essential == full_levels[i]->criteria[c].essential);
            ++criteria;
        }
        CHECK(lean_levels[i]->description.empty());
    }
    CHECK(criteria > 0);  // the service manager's job description has competences
}

TEST_CASE("a damaged or truncated section is refused, with why, when it is read", "[snapshot]") {
    const ddat::Framework old = ddat::load_builtin_framework("2020-01");
    const std::string bytes = ddat::write_snapshot(old);
    const ddat::Role& role = old.roles().front();
    REQUIRE(!role.description.empty());
    // the role's texts section starts with its description: claim it runs far past the section
    const std::string damaged = with_length_before(bytes, role.description, 0x7FFFFFFFU);
    std::string problem;
    CHECK_FALSE(ddat::read_snapshot(damaged, ddat::LoadScope::whole(), &problem).has_value());
    CHECK(problem == "the texts of role '" + role.id + "' are damaged");
    problem.clear();
    CHECK_FALSE(ddat::read_snapshot(damaged, ddat::LoadScope::role(role.id), &problem).has_value());
    CHECK(problem == "the texts of role '" + role.id + "' are damaged");
    // a scope that does not read that section does not see the damage
    CHECK(ddat::read_snapshot(damaged, ddat::LoadScope::requirements_only()).has_value());

    // cut short anywhere, the snapshot is refused, whatever the scope
    for (const std::size_t size :
         {std::size_t{0}, std::size_t{5}, std::size_t{40}, bytes.size() / 2, bytes.size() - 1}) {
        for (const auto& scope : {ddat::LoadScope::whole(), ddat::LoadScope::outline()}) {
            problem.clear();
            CHECK_FALSE(ddat::read_snapshot(bytes.substr(0, size), scope, &problem).has_value());
            CHECK_FALSE(problem.empty());
        }
    }
    problem.clear();
    CHECK_FALSE(ddat::read_snapshot(bytes.substr(0, bytes.size() - 1), ddat::LoadScope::outline(), &problem));
    CHECK(problem == "truncated: it ends before its sections do");
    problem.clear();
    CHECK_FALSE(ddat::read_snapshot(bytes + "x", ddat::LoadScope::outline(), &problem));
    CHECK(problem == "damaged: bytes follow its last section");

    // every byte flipped in turn: refused or read, never a crash or an overrun (ASan and UBSan
    // builds check the reads)
    std::size_t refused = 0;
    for (std::size_t i = 0; i < bytes.size(); i += 7) {
        std::string flipped = bytes;
        flipped[i] = static_cast<char>(flipped[i] ^ 0xA5);
        refused += ddat::read_snapshot(flipped).has_value() ? 0 : 1;
    }
    CHECK(refused > 0);
}

TEST_CASE("the scope of a level's role takes an id before an alias, as the command resolves the name",
          "[snapshot][scope]") {
    // an earlier level of another role with the id of a later level as its alias
    ddat::FrameworkData data = ddat::Framework(whole_2025()).take_data();
    REQUIRE(data.roles.front().id != "data-scientist");
    ddat::RoleLevel& first = data.roles.front().levels.front();
    for (const char* alias : {"lead-data-scientist", "an-alias-alone"}) {
        first.aliases.emplace_back(alias);
        first.alias_locations.push_back(first.location);
    }
    const ddat::Framework clashing = ddat::finish_framework(std::move(data));
    const std::string bytes = ddat::write_snapshot(clashing);
    for (const std::string& name : std::vector<std::string>{"lead-data-scientist", "an-alias-alone"}) {
        const ddat::Framework one = read(bytes, ddat::LoadScope::role_of(name));
        const std::string& role_id = ddat::resolve_level(clashing, name).role_id;
        CHECK(one.scope().role_texts == std::vector<std::string>{role_id});
    }
    CHECK(ddat::resolve_level(clashing, "lead-data-scientist").role_id == "data-scientist");
}

TEST_CASE("the scope of a level's role finds the role as the snapshot is read, by id, alias or name",
          "[snapshot][scope]") {
    const ddat::Framework& whole = whole_2025();
    const ddat::RoleLevel& wanted = *whole.find_level("lead-data-scientist");
    for (const std::string& name : std::vector<std::string>{wanted.id, wanted.name, ddat::short_name(wanted)}) {
        const ddat::Framework one = read(bytes_2025(), ddat::LoadScope::role_of(name));
        REQUIRE(one.find_level(wanted.id) != nullptr);
        const ddat::RoleLevel& level = *one.find_level(wanted.id);
        CHECK(level.description == wanted.description);
        CHECK(level.requirements.size() == wanted.requirements.size());
        CHECK(one.scope().role_of_level.empty());
        CHECK(one.scope().has_role_texts(wanted.role_id));
        CHECK(one.scope().covers(ddat::LoadScope::role(wanted.role_id)));
        CHECK_FALSE(one.scope().has_role_texts("business-relationship-manager"));
        const ddat::Role* other = one.find_role("business-relationship-manager");
        REQUIRE(other != nullptr);
        CHECK(other->levels.front().description.empty());
    }
    // a name no level has reads the outline alone, for the command to report with suggestions
    const ddat::Framework none = read(bytes_2025(), ddat::LoadScope::role_of("lead-data-scienst"));
    CHECK(none.scope().role_texts.empty());
    REQUIRE(none.find_level(wanted.id) != nullptr);
    CHECK(none.find_level(wanted.id)->description.empty());
    CHECK_FALSE(ddat::LoadScope::role("a").covers(ddat::LoadScope::role_of("a")));
    CHECK(ddat::LoadScope::whole().covers(ddat::LoadScope::role_of("a")));
}

TEST_CASE("a load scope knows what it covers, and what two scopes read together", "[scope]") {
    using ddat::LoadScope;
    CHECK(LoadScope::whole().covers(LoadScope::outline()));
    CHECK(LoadScope::whole().covers(LoadScope::role("a")));
    CHECK(LoadScope::whole().covers(LoadScope::requirements_only()));
    CHECK(LoadScope::requirements_only().covers(LoadScope::outline()));
    CHECK_FALSE(LoadScope::outline().covers(LoadScope::requirements_only()));
    CHECK_FALSE(LoadScope::outline().covers(LoadScope::role("a")));
    CHECK_FALSE(LoadScope::role("a").covers(LoadScope::role("b")));
    CHECK_FALSE(LoadScope::role("a").covers(LoadScope::requirements_only()));
    CHECK_FALSE(LoadScope::requirements_only().covers(LoadScope::whole()));
    const LoadScope both = LoadScope::role("a").with(LoadScope::role("b"));
    CHECK(both.covers(LoadScope::role("a")));
    CHECK(both.covers(LoadScope::role("b")));
    CHECK_FALSE(both.covers(LoadScope::role("c")));
    CHECK(both.role_texts.size() == 2);
    CHECK(LoadScope::role("a").with(LoadScope::role("a")).role_texts.size() == 1);
    const LoadScope ranked = LoadScope::requirements_only().with(LoadScope::role("a"));
    CHECK(ranked.covers(LoadScope::requirements_only()));
    CHECK(ranked.covers(LoadScope::role("a")));
    CHECK(LoadScope::outline().with(LoadScope::whole()).covers(LoadScope::whole()));
}

TEST_CASE("a framework says what it was read with", "[snapshot][scope]") {
    const ddat::Framework old = ddat::load_builtin_framework("2020-01");
    const ddat::Framework outline = read(ddat::write_snapshot(old), ddat::LoadScope::outline());
    // what was not read stays empty, and the framework says what it holds
    CHECK(outline.find_level("senior-business-relationship-manager") != nullptr);
    CHECK(outline.find_level("senior-business-relationship-manager")->requirements.empty());
    CHECK_FALSE(outline.scope().covers(ddat::LoadScope::whole()));
    CHECK(old.scope().covers(ddat::LoadScope::whole()));
}
