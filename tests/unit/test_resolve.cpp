// Finding role levels, roles, skills and families by the names people type.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "ddat/errors.hpp"
#include "ddat/resolve.hpp"
#include "helpers.hpp"

using ddat_test::builtin;

namespace {

bool has(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

TEST_CASE("resolve_level finds a level by its id", "[resolve]") {
    const auto& level = ddat::resolve_level(builtin(), "senior-business-relationship-manager");
    CHECK(level.id == "senior-business-relationship-manager");
    CHECK(level.role_id == "business-relationship-manager");
}

TEST_CASE("resolve_level finds a level by an alias", "[resolve]") {
    CHECK(ddat::resolve_level(builtin(), "senior-brm").id == "senior-business-relationship-manager");
    CHECK(ddat::resolve_level(builtin(), "head-of-itsm").id == "head-of-it-service-management");
}

TEST_CASE("resolve_level finds a level by its name in any letter case", "[resolve]") {
    CHECK(ddat::resolve_level(builtin(), "Senior business relationship manager").id ==
          "senior-business-relationship-manager");
    CHECK(ddat::resolve_level(builtin(), "HEAD OF IT SERVICE MANAGEMENT").id == "head-of-it-service-management");
    CHECK(ddat::resolve_level(builtin(), "  lead business relationship manager ").id ==
          "lead-business-relationship-manager");
}

TEST_CASE("resolve_level finds an id or alias written in upper case", "[resolve]") {
    CHECK(ddat::resolve_level(builtin(), "SENIOR-BRM").id == "senior-business-relationship-manager");
    CHECK(ddat::resolve_level(builtin(), "It-Service-Manager").id == "it-service-manager");
}

TEST_CASE("resolve_level of an unknown name throws NotFoundError with suggestions", "[resolve]") {
    try {
        (void)ddat::resolve_level(builtin(), "senior-bmr");
        FAIL("expected a NotFoundError");
    } catch (const ddat::NotFoundError& error) {
        CHECK(error.kind() == ddat::NameKind::role_level);
        CHECK(error.name() == "senior-bmr");
        CHECK(std::string(error.what()) == "unknown role level 'senior-bmr'");
        CAPTURE(error.suggestions());
        CHECK(has(error.suggestions(), "senior-brm"));
        CHECK(error.suggestions().size() <= 3);
    }
}

TEST_CASE("resolve_level suggests the alias one typo away first", "[resolve]") {
    try {
        (void)ddat::resolve_level(builtin(), "senior-bm");
        FAIL("expected a NotFoundError");
    } catch (const ddat::NotFoundError& error) {
        REQUIRE_FALSE(error.suggestions().empty());
        CHECK(error.suggestions().front() == "senior-brm");
    }
}

TEST_CASE("resolve_level of a name like nothing has no suggestions", "[resolve]") {
    try {
        (void)ddat::resolve_level(builtin(), "astronaut");
        FAIL("expected a NotFoundError");
    } catch (const ddat::NotFoundError& error) {
        CHECK(error.suggestions().empty());
    }
}

TEST_CASE("resolve_role finds a role by its id and by its name", "[resolve]") {
    CHECK(ddat::resolve_role(builtin(), "it-service-manager").id == "it-service-manager");
    CHECK(ddat::resolve_role(builtin(), "business relationship MANAGER").id == "business-relationship-manager");
}

TEST_CASE("resolve_role finds a role by one of its levels", "[resolve]") {
    CHECK(ddat::resolve_role(builtin(), "senior-itsm").id == "it-service-manager");
    CHECK(ddat::resolve_role(builtin(), "lead-business-relationship-manager").id == "business-relationship-manager");
    CHECK(ddat::resolve_role(builtin(), "Head of IT service management").id == "it-service-manager");
}

TEST_CASE("resolve_role of an unknown name suggests the nearest role ids", "[resolve]") {
    try {
        (void)ddat::resolve_role(builtin(), "service-managr");
        FAIL("expected a NotFoundError");
    } catch (const ddat::NotFoundError& error) {
        CHECK(error.kind() == ddat::NameKind::role);
        REQUIRE_FALSE(error.suggestions().empty());
        CHECK(error.suggestions().front() == "service-manager");
    }
}

TEST_CASE("resolve_skill finds a skill by its id and by its name in another case", "[resolve]") {
    CHECK(ddat::resolve_skill(builtin(), "user-focus").id == "user-focus");
    CHECK(ddat::resolve_skill(builtin(), "USER FOCUS").id == "user-focus");
    CHECK(ddat::resolve_skill(builtin(), "business analysis (it operations)").id == "business-analysis-it-operations");
    CHECK(ddat::resolve_skill(builtin(), "Service management framework knowledge").id ==
          "service-management-framework-knowledge");
}

TEST_CASE("resolve_skill of an unknown name suggests the nearest skill id", "[resolve]") {
    try {
        (void)ddat::resolve_skill(builtin(), "User focs");
        FAIL("expected a NotFoundError");
    } catch (const ddat::NotFoundError& error) {
        CHECK(error.kind() == ddat::NameKind::skill);
        CHECK(error.name() == "User focs");
        REQUIRE_FALSE(error.suggestions().empty());
        CHECK(error.suggestions().front() == "user-focus");
    }
}

TEST_CASE("find_skill_by_name returns nullptr for an unknown skill", "[resolve]") {
    CHECK(ddat::find_skill_by_name(builtin(), "juggling") == nullptr);
    REQUIRE(ddat::find_skill_by_name(builtin(), "Strategic Thinking") != nullptr);
    CHECK(ddat::find_skill_by_name(builtin(), "Strategic Thinking")->id == "strategic-thinking");
}

TEST_CASE("resolve_family finds a family by its id and by its name", "[resolve]") {
    CHECK(ddat::resolve_family(builtin(), "it-operations").id == "it-operations");
    CHECK(ddat::resolve_family(builtin(), "IT operations").id == "it-operations");
    CHECK(ddat::resolve_family(builtin(), "product and DELIVERY").id == "product-and-delivery");
}

TEST_CASE("resolve_family of an unknown name throws NotFoundError", "[resolve]") {
    try {
        (void)ddat::resolve_family(builtin(), "it-operation");
        FAIL("expected a NotFoundError");
    } catch (const ddat::NotFoundError& error) {
        CHECK(error.kind() == ddat::NameKind::family);
        CHECK(error.suggestions() == std::vector<std::string>{"it-operations"});
    }
}

TEST_CASE("Framework lookups find exact ids only", "[resolve]") {
    const auto& f = builtin();
    CHECK(f.find_level("senior-brm") == nullptr);  // an alias, not an id
    CHECK(f.find_skill("User focus") == nullptr);  // a name, not an id
    REQUIRE(f.find_role("service-manager") != nullptr);
    CHECK(f.find_family("it-operations") != nullptr);
}

TEST_CASE("resolve_skill reads '&' in a name as 'and'", "[resolve]") {
    CHECK(ddat::resolve_skill(builtin(), "Ownership & initiative").id == "ownership-and-initiative");
    CHECK(ddat::resolve_skill(builtin(), "ownership&initiative").id == "ownership-and-initiative");
}

TEST_CASE("resolve_role_of_level turns a level's name in a scope into its role", "[resolve][scope]") {
    const ddat::LoadScope by_name = ddat::resolve_role_of_level(
        builtin(), ddat::LoadScope::requirements_only().with(ddat::LoadScope::role_of("Senior BRM")));
    CHECK(by_name.role_of_level.empty());
    CHECK(by_name.requirements);
    CHECK(by_name.role_texts == std::vector<std::string>{"business-relationship-manager"});
    // the role already asked for is not asked twice
    const ddat::LoadScope twice = ddat::resolve_role_of_level(
        builtin(), ddat::LoadScope::role("business-relationship-manager").with(ddat::LoadScope::role_of("senior-brm")));
    CHECK(twice.role_texts == std::vector<std::string>{"business-relationship-manager"});
    // a name no level has: nothing more to read, the command reports it
    const ddat::LoadScope unknown = ddat::resolve_role_of_level(builtin(), ddat::LoadScope::role_of("senior-brn"));
    CHECK(unknown.role_of_level.empty());
    CHECK(unknown.role_texts.empty());
    // a scope naming no level is returned as it is
    CHECK(ddat::resolve_role_of_level(builtin(), ddat::LoadScope::role("x")).role_texts ==
          std::vector<std::string>{"x"});
}
