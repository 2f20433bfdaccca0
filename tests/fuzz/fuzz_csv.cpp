// Fuzzes the CSV reader and the import of the framework's CSV download. The input is split on a
// marker line: with the marker, the part before it is the role content CSV and the part after
// it the skill descriptions CSV; without it, the input is tried as the role content CSV with a
// fixed valid skill descriptions CSV, and as the skill descriptions CSV with a fixed valid role
// content CSV. An import that succeeds is written out and read back, as `ddat import` does.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "ddat/errors.hpp"
#include "ddat/load/framework_loader.hpp"
#include "ddat/load/importer.hpp"
#include "ddat/parse/csv.hpp"
#include "ddat/write/framework_writer.hpp"

namespace {

constexpr std::string_view kMarker = "\n@@skills@@\n";

const std::string kSkillCsv =
    "Skill Name,Skill Description,Awareness,Working,Practitioner,Expert,Roles that require Skill\r\n"
    "Stakeholder relationship management,Managing relationships.,You know who they are.,"
    "You work with them.,You lead them.,You shape them.,Business relationship manager\r\n"
    "User focus,Understanding users.,\"You know users\nexist.\",You talk to users.,"
    "This skill level is currently not defined.,,\"Business relationship manager, IT service manager\"\r\n";

const std::string kRoleCsv =
    "Role Family,Role,Role Description,Role Level,Role Level Description,Skill Name,Skill Description,"
    "Skill Level,Skill Level Description,Role Type\r\n"
    "IT operations,Business relationship manager,Builds relationships.,Business relationship manager,"
    "Works with the business.,Stakeholder relationship management,MISSING,Working,You work with them.,"
    "Non-Senior Civil Service\r\n"
    "IT operations,Business relationship manager,Builds relationships.,Senior business relationship manager,"
    "Leads the work.,User focus,Understanding users.,Practitioner,\"- talks to users\n- leads research\","
    "Non-Senior Civil Service\r\n"
    "Chief digital and data,Chief technology officer,Leads technology.,NOT IN USE,NOT IN USE,"
    "User focus,You set the direction.,NOT IN USE,,Senior Civil Service\r\n";

void try_import(const std::string& role_csv, const std::string& skill_csv) {
    ddat::ImportResult result;
    try {
        result = ddat::import_framework_csv(role_csv, "role-content.csv", skill_csv, "skill-descriptions.csv", {});
    } catch (const ddat::InputError& error) {
        if (error.diagnostics().empty()) {
            std::abort();
        }
        return;
    }
    // `ddat import` checks that what it built reads back before writing it; a failure there is
    // reported as an input error, so only crashes, hangs and memory errors count here.
    try {
        (void)ddat::load_framework_sources(ddat::framework_to_yaml(result.framework));
    } catch (const ddat::InputError&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    try {
        const auto records = ddat::parse_csv(input, "fuzz.csv");
        for (const auto& record : records) {
            if (record.line < 1) {
                std::abort();
            }
        }
    } catch (const ddat::InputError& error) {
        if (error.diagnostics().empty()) {
            std::abort();
        }
    }
    if (const std::size_t at = input.find(kMarker); at != std::string::npos) {
        try_import(input.substr(0, at), input.substr(at + kMarker.size()));
    } else {
        try_import(input, kSkillCsv);
        try_import(kRoleCsv, input);
    }
    return 0;
}
