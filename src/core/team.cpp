#include "ddat/team.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <optional>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "ddat/files.hpp"
#include "ddat/resolve.hpp"
#include "ddat/self_assessment.hpp"

namespace ddat {

namespace fs = std::filesystem;

int TeamReport::row_of(const Framework& framework, const Skill& skill) const {
    if (framework.skills.empty() || &skill < framework.skills.data() ||
        &skill >= framework.skills.data() + framework.skills.size()) {
        return -1;
    }
    const auto index = static_cast<std::size_t>(&skill - framework.skills.data());
    return index < skill_rows.size() ? skill_rows[index] : -1;
}

namespace {

// The problem that leaves an assessment out: the first of the error, or its text at the file.
Diagnostic first_problem(const InputError& error, const std::string& file) {
    if (error.diagnostics().empty()) {
        return {{file, 0, 0}, error.what()};
    }
    return error.diagnostics().front();
}

}  // namespace

std::vector<std::string> team_files(const std::vector<std::string>& paths, std::vector<Diagnostic>& problems) {
    std::vector<std::string> files;
    std::unordered_set<std::string> seen;
    const auto add = [&](const std::string& file) {
        if (seen.insert(file).second) {
            files.push_back(file);
        }
    };
    for (const auto& path : paths) {
        std::error_code error;
        const fs::file_status status = fs::status(path, error);
        if (path == "-" || error || !fs::exists(status)) {
            if (path == "-") {
                problems.push_back({{path, 0, 0}, "standard input cannot be read as a team: name files or a folder"});
            } else {
                problems.push_back({{path, 0, 0}, "no such file or folder"});
            }
            continue;
        }
        if (!fs::is_directory(status)) {
            add(path);
            continue;
        }
        const std::vector<std::string> found = yaml_files_in(path, false, error);
        if (error) {
            problems.push_back({{path, 0, 0}, "cannot read the folder: " + error.message()});
            continue;
        }
        if (found.empty()) {
            problems.push_back({{path, 0, 0}, "the folder holds no self-assessment (*.yaml or *.yml)"});
            continue;
        }
        for (const auto& file : found) {
            add(file);
        }
    }
    return files;
}

TeamReport analyse_team(const Framework& framework, const std::vector<std::string>& files, std::string_view target) {
    return analyse_team(framework, files, target, load_self_assessment);
}

TeamReport analyse_team(const Framework& framework, const std::vector<std::string>& files, std::string_view target,
                        const AssessmentReader& read) {
    TeamReport report;
    report.files = files.size();
    const RoleLevel* forced = target.empty() ? nullptr : &resolve_level(framework, target);
    std::unordered_map<std::string, const RoleLevel*> targets;  // by id: each resolved once
    report.skill_rows.assign(framework.skills.size(), -1);
    std::vector<int> skill_counts(framework.skills.size(), 0);
    double readiness = 0;
    // Reading the files is most of the work: it is shared among the machine's cores, each taking
    // the next file no other has taken, and the results are then used in file order, as if read
    // one by one.
    struct Reading {
        SelfAssessment person;
        std::vector<Diagnostic> warnings;
        std::optional<Diagnostic> problem;
    };
    std::vector<Reading> readings(files.size());
    // A failure other than an unreadable assessment (memory running out, say) ends the reading:
    // each worker keeps its own, and the first in file order is thrown once every worker is done.
    std::vector<std::exception_ptr> failures(files.size());
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    const auto read_some = [&]() noexcept {
        for (std::size_t i = next++; i < files.size() && !failed.load(); i = next++) {
            try {
                readings[i].person = read(files[i], framework, readings[i].warnings);
            } catch (const InputError& error) {
                try {
                    readings[i].problem = first_problem(error, files[i]);
                } catch (...) {
                    failures[i] = std::current_exception();
                    failed = true;
                }
            } catch (...) {
                failures[i] = std::current_exception();
                failed = true;
            }
        }
    };
    const std::size_t workers =
        files.size() < 64 ? 1 : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
    {
        // Every thread is joined when this block is left, however it is left; a thread that
        // cannot be started leaves its share to the others.
        std::vector<std::jthread> threads;
        try {
            threads.reserve(workers);
            for (std::size_t w = 1; w < workers; ++w) {
                threads.emplace_back(read_some);
            }
        } catch (const std::system_error&) {
            // fewer threads: the ones started, and this one, read every file
        } catch (const std::bad_alloc&) {
            // the same
        }
        read_some();
    }
    for (const auto& failure : failures) {
        if (failure) {
            std::rethrow_exception(failure);
        }
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::string& file = files[i];
        if (readings[i].problem) {
            ++report.unreadable;
            Diagnostic problem = std::move(*readings[i].problem);
            problem.message += " (assessment left out)";
            report.skipped.push_back(problem);
            report.warnings.push_back(std::move(problem));
            continue;
        }
        SelfAssessment person = std::move(readings[i].person);
        report.warnings.insert(report.warnings.end(), readings[i].warnings.begin(), readings[i].warnings.end());
        const RoleLevel* level = forced;
        if (level == nullptr && !person.target_level_id.empty()) {
            auto [it, inserted] = targets.try_emplace(person.target_level_id, nullptr);
            if (inserted) {
                it->second = framework.find_level(person.target_level_id);
            }
            level = it->second;
        }
        if (level == nullptr) {
            ++report.without_target;
            report.skipped.push_back(
                {{file, 0, 0},
                 "no target role level: give --target LEVEL, or 'target:' in the file (assessment left out)"});
            report.warnings.push_back(report.skipped.back());
            continue;
        }
        TeamMember member;
        member.file = file;
        member.name = person.name.empty() ? fs::path(file).stem().string() : person.name;
        member.gap = analyse_gap(framework, person, *level);
        readiness += member.gap.summary.readiness;
        for (const auto& g : member.gap.skills) {
            if (g.skill != nullptr) {
                const auto index = static_cast<std::size_t>(g.skill - framework.skills.data());
                ++skill_counts[index];
            }
        }
        report.people.push_back(std::move(member));
    }
    for (std::size_t i = 0; i < framework.skills.size(); ++i) {
        if (skill_counts[i] > 0) {
            report.skill_rows[i] = static_cast<int>(report.skills.size());
            report.skills.push_back({&framework.skills[i], 0, 0, 0, 0});
        }
    }
    for (const auto& member : report.people) {
        for (const auto& g : member.gap.skills) {
            if (g.skill == nullptr) {
                continue;
            }
            TeamSkill& row = report.skills[static_cast<std::size_t>(report.row_of(framework, *g.skill))];
            ++row.required;
            row.met += g.status == GapStatus::met || g.status == GapStatus::exceeds ? 1 : 0;
            row.below += g.status == GapStatus::below ? 1 : 0;
            row.missing += g.status == GapStatus::missing ? 1 : 0;
        }
    }
    report.readiness = report.people.empty() ? 0.0 : readiness / static_cast<double>(report.people.size());
    return report;
}

}  // namespace ddat
