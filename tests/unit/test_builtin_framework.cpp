// The framework copy built into ddat: its shape, the exact levels of the published guidance, and
// (when the reference documents are beside the project) a check of every required level against
// the source documents themselves.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "ddat/load/framework_loader.hpp"
#include "ddat/model.hpp"
#include "ddat/resolve.hpp"
#include "ddat/text.hpp"
#include "helpers.hpp"

using ddat::SkillLevel;
using ddat_test::builtin;

namespace {

// The levels a role level requires, by skill id.
std::map<std::string, SkillLevel> required_levels(const ddat::RoleLevel& level) {
    std::map<std::string, SkillLevel> levels;
    for (const auto& requirement : level.requirements) {
        levels.emplace(requirement.skill_id, requirement.level.value());
    }
    return levels;
}

const ddat::RoleLevel& builtin_level(std::string_view id) {
    const ddat::RoleLevel* found = builtin().find_level(id);
    REQUIRE(found != nullptr);
    return *found;
}

}  // namespace

TEST_CASE("the built-in framework loads without problems", "[builtin]") {
    REQUIRE_NOTHROW(ddat::load_builtin_framework("2020-01"));
    CHECK(builtin().files().size() == 5);
    CHECK(builtin().files().front() == "(built-in)/framework.yaml");
}

TEST_CASE("the built-in framework's metadata names the publisher and the licence", "[builtin]") {
    const auto& m = builtin().metadata();
    CHECK(m.title == "Digital, Data and Technology Profession Capability Framework");
    CHECK(m.publisher == "Central Digital and Data Office");
    CHECK(m.published == "2020-01-07");
    CHECK(m.licence == "Open Government Licence v3.0");
    CHECK(m.licence_url == "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/");
    CHECK(ddat_test::contains(m.attribution, "Open Government Licence v3.0"));
}

TEST_CASE("the built-in framework has 3 roles in 2 families", "[builtin]") {
    const auto& f = builtin();
    REQUIRE(f.roles().size() == 3);
    CHECK(f.roles()[0].id == "business-relationship-manager");
    CHECK(f.roles()[1].id == "it-service-manager");
    CHECK(f.roles()[2].id == "service-manager");
    REQUIRE(f.families().size() == 2);
    CHECK(f.family_of(f.roles()[0]).id == "it-operations");
    CHECK(f.family_of(f.roles()[1]).id == "it-operations");
    CHECK(f.family_of(f.roles()[2]).id == "product-and-delivery");
}

TEST_CASE("the built-in framework has 7 role levels with their short aliases", "[builtin]") {
    const auto levels = builtin().all_levels();
    REQUIRE(levels.size() == 7);
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"business-relationship-manager", "brm"},
        {"senior-business-relationship-manager", "senior-brm"},
        {"lead-business-relationship-manager", "lead-brm"},
        {"it-service-manager", "itsm"},
        {"senior-it-service-manager", "senior-itsm"},
        {"head-of-it-service-management", "head-of-itsm"},
        {"service-manager", ""},
    };
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        CHECK(levels[i]->id == expected[i].first);
        if (expected[i].second.empty()) {
            CHECK(levels[i]->aliases.empty());
        } else {
            CHECK(levels[i]->aliases == std::vector<std::string>{expected[i].second});
        }
    }
}

TEST_CASE("the built-in role aliases resolve to their levels", "[builtin]") {
    for (const auto& [alias, id] :
         std::vector<std::pair<std::string, std::string>>{{"brm", "business-relationship-manager"},
                                                          {"senior-brm", "senior-business-relationship-manager"},
                                                          {"lead-brm", "lead-business-relationship-manager"},
                                                          {"itsm", "it-service-manager"},
                                                          {"senior-itsm", "senior-it-service-manager"},
                                                          {"head-of-itsm", "head-of-it-service-management"},
                                                          {"service-manager", "service-manager"}}) {
        CAPTURE(alias);
        CHECK(ddat::resolve_level(builtin(), alias).id == id);
    }
}

TEST_CASE("the built-in framework has the 11 skills of the guidance", "[builtin]") {
    const auto& skills = builtin().skills();
    REQUIRE(skills.size() == 11);
    std::vector<std::string> ids;
    for (const auto& skill : skills) {
        ids.push_back(skill.id);
        CHECK(skill.id == ddat::slugify(skill.name));
        CHECK_FALSE(skill.description.empty());
    }
    CHECK(ids == std::vector<std::string>{"asset-and-configuration-management", "business-analysis-it-operations",
                                          "continual-service-improvement", "ownership-and-initiative",
                                          "relationship-management", "service-focus",
                                          "service-management-framework-knowledge", "service-reporting",
                                          "strategic-thinking", "technical-understanding", "user-focus"});
}

TEST_CASE("senior-brm requires the 11 skills at the levels of the guidance", "[builtin]") {
    const ddat::RoleLevel& senior = builtin_level("senior-business-relationship-manager");
    CHECK(senior.name == "Senior business relationship manager");
    CHECK(senior.requirements.size() == 11);
    CHECK(required_levels(senior) == std::map<std::string, SkillLevel>{
                                         {"asset-and-configuration-management", SkillLevel::awareness},
                                         {"business-analysis-it-operations", SkillLevel::practitioner},
                                         {"continual-service-improvement", SkillLevel::working},
                                         {"ownership-and-initiative", SkillLevel::practitioner},
                                         {"relationship-management", SkillLevel::practitioner},
                                         {"service-focus", SkillLevel::working},
                                         {"service-management-framework-knowledge", SkillLevel::working},
                                         {"service-reporting", SkillLevel::working},
                                         {"strategic-thinking", SkillLevel::working},
                                         {"technical-understanding", SkillLevel::practitioner},
                                         {"user-focus", SkillLevel::practitioner},
                                     });
}

TEST_CASE("head of IT service management requires 10 skills, without service focus", "[builtin]") {
    const ddat::RoleLevel& head = builtin_level("head-of-it-service-management");
    CHECK(head.requirements.size() == 10);
    const auto levels = required_levels(head);
    CHECK(levels.count("service-focus") == 0);
    CHECK(levels == std::map<std::string, SkillLevel>{
                        {"asset-and-configuration-management", SkillLevel::expert},
                        {"business-analysis-it-operations", SkillLevel::practitioner},
                        {"continual-service-improvement", SkillLevel::practitioner},
                        {"ownership-and-initiative", SkillLevel::practitioner},
                        {"relationship-management", SkillLevel::expert},
                        {"service-management-framework-knowledge", SkillLevel::expert},
                        {"service-reporting", SkillLevel::practitioner},
                        {"strategic-thinking", SkillLevel::expert},
                        {"technical-understanding", SkillLevel::practitioner},
                        {"user-focus", SkillLevel::expert},
                    });
}

TEST_CASE("every requirement of the built-in framework has a text and a catalogue skill", "[builtin]") {
    for (const ddat::RoleLevel* l : builtin().all_levels()) {
        for (const auto& requirement : l->requirements) {
            CAPTURE(l->id, requirement.skill_id);
            CHECK(builtin().find_skill(requirement.skill_id) != nullptr);
            CHECK_FALSE(requirement.description.empty());
            CHECK(requirement.level != SkillLevel::none);
        }
    }
}

TEST_CASE("service manager is an SCS1 level with 10 competences and specialist skills", "[builtin]") {
    const ddat::RoleLevel& sm = builtin_level("service-manager");
    CHECK(sm.pay_band == "SCS1");
    CHECK(sm.senior_civil_service);
    CHECK(sm.requirements.empty());
    REQUIRE(sm.criteria.size() == 11);
    int competences = 0;
    int specialist = 0;
    for (const auto& criterion : sm.criteria) {
        CAPTURE(criterion.id);
        competences += criterion.kind == ddat::CriterionKind::competence ? 1 : 0;
        specialist += criterion.kind == ddat::CriterionKind::specialist_skills ? 1 : 0;
        CHECK_FALSE(criterion.essential.empty());
    }
    CHECK(competences == 10);
    CHECK(specialist == 1);
    CHECK(sm.criteria.front().id == "seeing-the-big-picture");
    CHECK(sm.criteria.back().id == "specialist-skills");
    CHECK(sm.criteria.back().essential.size() == 8);
    CHECK(sm.criteria.back().desirable.empty());
    CHECK(builtin().role_of(sm).id == "service-manager");
}

TEST_CASE("service manager's duties are grouped under headings", "[builtin]") {
    const ddat::RoleLevel& sm = builtin_level("service-manager");
    REQUIRE_FALSE(sm.responsibilities.empty());
    for (const auto& section : sm.responsibilities) {
        CHECK_FALSE(section.heading.empty());
        CHECK_FALSE(section.items.empty());
    }
    CHECK(sm.responsibilities.back().heading == "Sharing learning and best practice");
}

// --- The seed check: the bundled levels against the published guidance ------------------------

namespace {

// One role level's heading in a guidance document, and the (skill name, level word) pairs under it.
struct SeedSection {
    std::string heading;
    std::vector<std::pair<std::string, std::string>> skills;
};

// Splits a guidance document at the level headings that follow its "Introduction to the role of"
// section (the last occurrence of that line: the first is in the table of contents), collecting
// each "Skill name. Text ... (Relevant skill level: word)" line under its heading.
std::vector<SeedSection> read_seed(const std::filesystem::path& file, const std::vector<std::string>& headings) {
    std::ifstream in(file);
    REQUIRE(in.good());
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    std::size_t start = lines.size();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (ddat::trim(lines[i]).substr(0, 27) == "Introduction to the role of") {
            start = i;
        }
    }
    REQUIRE(start < lines.size());
    const std::regex skill_line(R"(^\s*(.+?)\. .*\(Relevant skill level: (\w+)\))");
    std::vector<SeedSection> sections;
    for (std::size_t i = start + 1; i < lines.size(); ++i) {
        const std::string text(ddat::trim(lines[i]));
        if (std::find(headings.begin(), headings.end(), text) != headings.end()) {
            sections.push_back({text, {}});
            continue;
        }
        std::smatch match;
        if (std::regex_search(lines[i], match, skill_line)) {
            REQUIRE_FALSE(sections.empty());
            sections.back().skills.emplace_back(match[1].str(), match[2].str());
        }
    }
    return sections;
}

// Checks every skill line of a guidance document against the built-in level of that heading.
// Returns how many skill lines it compared.
std::size_t check_seed(const std::filesystem::path& file, const std::vector<std::string>& headings) {
    const std::vector<SeedSection> sections = read_seed(file, headings);
    REQUIRE(sections.size() == headings.size());
    std::size_t compared = 0;
    for (std::size_t i = 0; i < sections.size(); ++i) {
        const SeedSection& section = sections[i];
        CAPTURE(file.filename().string(), section.heading);
        CHECK(section.heading == headings[i]);
        const ddat::RoleLevel& l = ddat::resolve_level(builtin(), section.heading);
        CHECK(l.name == section.heading);
        CHECK(l.requirements.size() == section.skills.size());
        const auto levels = required_levels(l);
        for (const auto& [skill_name, level_word] : section.skills) {
            CAPTURE(skill_name, level_word);
            const ddat::Skill* skill = ddat::find_skill_by_name(builtin(), skill_name);
            REQUIRE(skill != nullptr);
            CHECK(skill->name == skill_name);
            const auto required = levels.find(skill->id);
            REQUIRE(required != levels.end());
            const auto published = ddat::parse_skill_level(level_word);
            REQUIRE(published.has_value());
            CHECK(required->second == *published);
            ++compared;
        }
    }
    return compared;
}

}  // namespace

TEST_CASE("the built-in levels match the published guidance, skill by skill", "[builtin][seeds]") {
    const std::filesystem::path seeds = std::filesystem::path(DDAT_SHARED_DIR) / "seeds";
    if (!std::filesystem::is_directory(seeds)) {
        WARN("seed check skipped: reference documents not found at " + seeds.string());
        return;
    }
    const std::size_t brm = check_seed(seeds / "000_ee73a9b5fca9ffa0.txt",
                                       {"Business relationship manager", "Senior business relationship manager",
                                        "Lead business relationship manager"});
    const std::size_t itsm =
        check_seed(seeds / "002_f76929ccef5b4571.txt",
                   {"IT service manager", "Senior IT service manager", "Head of IT service management"});
    // 11 skills at each BRM level; 11, 11 and 10 at the IT service manager levels.
    CHECK(brm == 33);
    CHECK(itsm == 32);
}
