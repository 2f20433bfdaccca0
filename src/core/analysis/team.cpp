#include "ddat/analysis/team.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <exception>
#include <filesystem>
#include <optional>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "ddat/analysis/match.hpp"
#include "ddat/assessment.hpp"
#include "ddat/resolve.hpp"

namespace ddat {

namespace fs = std::filesystem;

int TeamReport::row_of(const Framework& framework, const Skill& skill) const {
    if (framework.skills().empty() || &skill < framework.skills().data() ||
        &skill >= framework.skills().data() + framework.skills().size()) {
        return -1;
    }
    const auto index = static_cast<std::size_t>(&skill - framework.skills().data());
    return index < skill_rows.size() ? skill_rows[index] : -1;
}

SkillLevel TeamMember::level_of(const Skill& skill) const {
    for (const auto& h : held) {
        if (&h.skill.get() == &skill) {
            return h.level;
        }
    }
    return SkillLevel::none;
}

TeamReport analyse_team(const Framework& framework, const std::vector<std::string>& files, std::string_view target,
                        const AssessmentReader& read) {
    TeamOptions options;
    options.target = std::string(target);
    return analyse_team(framework, files, options, read);
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

namespace {

std::size_t skill_index(const Framework& framework, const Skill& skill) {
    return static_cast<std::size_t>(&skill - framework.skills().data());
}

// Coverage, single points of failure and mentors, from the people and their gaps.
void analyse_coverage(const Framework& framework, TeamReport& report) {
    const std::size_t n = framework.skills().size();
    // For each skill of the catalogue, the people who hold it (by index) and at which level.
    std::vector<std::vector<std::pair<SkillLevel, std::size_t>>> holders(n);
    for (std::size_t p = 0; p < report.people.size(); ++p) {
        for (const auto& h : report.people[p].held) {
            if (h.level != SkillLevel::none) {
                holders[skill_index(framework, *h.skill)].emplace_back(h.level, p);
            }
            if (h.discuss) {
                if (const int row = report.row_of(framework, *h.skill); row >= 0) {
                    ++report.skills[static_cast<std::size_t>(row)].discuss;
                }
            }
        }
    }
    // Most skilled first; among equals, in file order. And for each skill and level, how many
    // people hold the skill at that level or above, so that each shortfall's mentors are counted
    // at once: a team of thousands has thousands of shortfalls.
    std::vector<std::array<std::size_t, 5>> at_or_above(n);
    for (std::size_t i = 0; i < n; ++i) {
        auto& list = holders[i];
        std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        for (const auto& [level, person] : list) {
            ++at_or_above[i][static_cast<std::size_t>(to_number(level))];
        }
        for (std::size_t level = 3; level >= 1; --level) {
            at_or_above[i][level] += at_or_above[i][level + 1];
        }
    }
    const auto people = static_cast<int>(report.people.size());
    for (auto& row : report.skills) {
        const auto& list = holders[skill_index(framework, *row.skill)];
        for (const auto& [level, person] : list) {
            (to_number(level) >= to_number(row.level) ? row.holders : row.holders_below) += 1;
        }
        row.holders_none = people - row.holders - row.holders_below;
    }
    for (std::size_t p = 0; p < report.people.size(); ++p) {
        for (const auto& g : report.people[p].gap.skills) {
            if (g.status != GapStatus::below && g.status != GapStatus::missing) {
                continue;
            }
            TeamShortfall shortfall;
            shortfall.person = p;
            shortfall.gap = &g;
            const int required = to_number(level_to_meet(*g.requirement));
            const std::size_t index = skill_index(framework, *g.skill);
            shortfall.mentor_count = at_or_above[index][static_cast<std::size_t>(required)];
            const auto& list = holders[index];
            for (std::size_t k = 0; k < list.size() && k < kMentorsNamed && to_number(list[k].first) >= required; ++k) {
                shortfall.mentors.push_back(list[k].second);
            }
            report.shortfalls.push_back(std::move(shortfall));
        }
    }
}

}  // namespace

TeamReport analyse_team(const Framework& framework, const std::vector<std::string>& files, const TeamOptions& options,
                        const AssessmentReader& read) {
    TeamReport report;
    report.files = files.size();
    const RoleLevel* forced = options.target.empty() ? nullptr : &resolve_level(framework, options.target);
    std::unordered_map<std::string, const RoleLevel*> targets;  // by id: each resolved once
    report.skill_rows.assign(framework.skills().size(), -1);
    std::vector<int> skill_counts(framework.skills().size(), 0);
    std::vector<SkillLevel> required_levels(framework.skills().size(), SkillLevel::none);
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
    std::atomic<std::size_t> next_file{0};
    std::atomic<bool> failed{false};
    const auto read_some = [&]() noexcept {
        for (std::size_t i = next_file++; i < files.size() && !failed.load(); i = next_file++) {
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
        report.notes.insert(report.notes.end(), person.notes.begin(), person.notes.end());
        report.warnings.insert(report.warnings.end(), readings[i].warnings.begin(), readings[i].warnings.end());
        const RoleLevel* level = forced;
        if (level == nullptr && !person.target_level_id.empty()) {
            auto [it, inserted] = targets.try_emplace(person.target_level_id, nullptr);
            if (inserted) {
                it->second = framework.find_level(person.target_level_id);
            }
            level = it->second;
        }
        bool inferred = false;
        if (level == nullptr && !person.current_level_id.empty()) {
            if (const RoleLevel* current = framework.find_level(person.current_level_id)) {
                const RoleLevel* next = next_level(framework, *current);
                level = next != nullptr ? next : current;
                inferred = true;
                report.notes.push_back({{file, 0, 0},
                                        "no 'target:': read against " + level->id +
                                            (next != nullptr ? ", the level after its current level " + current->id
                                                             : ", its current level, the most senior of its role")});
            }
        }
        if (level == nullptr) {
            ++report.without_target;
            report.skipped.push_back({{file, 0, 0},
                                      "no target role level: give --target LEVEL, or 'target:' or 'current:' in the "
                                      "file (assessment left out)"});
            report.warnings.push_back(report.skipped.back());
            continue;
        }
        TeamMember member(file, person.name.empty() ? fs::path(file).stem().string() : person.name,
                          analyse_gap(framework, person, *level, options.rating));
        member.target_inferred = inferred;
        for (const auto& assessed : person.skills) {
            if (const Skill* skill = framework.find_skill(assessed.skill_id)) {
                const bool discuss = worth_discussing(assessed);
                member.held.push_back({*skill, rated_level(assessed, options.rating), discuss});
                member.discuss += discuss ? 1 : 0;
            }
        }
        readiness += member.gap.summary.readiness;
        for (const auto& g : member.gap.skills) {
            const auto index = static_cast<std::size_t>(&*g.skill - framework.skills().data());
            ++skill_counts[index];
            required_levels[index] = std::max(required_levels[index], level_to_meet(*g.requirement));
        }
        report.people.push_back(std::move(member));
    }
    for (std::size_t i = 0; i < framework.skills().size(); ++i) {
        if (skill_counts[i] > 0) {
            report.skill_rows[i] = static_cast<int>(report.skills.size());
            TeamSkill row{.skill = framework.skills()[i]};
            row.level = required_levels[i];
            report.skills.push_back(row);
        }
    }
    for (const auto& member : report.people) {
        for (const auto& g : member.gap.skills) {
            TeamSkill& row = report.skills[static_cast<std::size_t>(report.row_of(framework, *g.skill))];
            ++row.asked_of;
            row.met += g.status == GapStatus::met || g.status == GapStatus::exceeds ? 1 : 0;
            row.below += g.status == GapStatus::below ? 1 : 0;
            row.missing += g.status == GapStatus::missing ? 1 : 0;
        }
    }
    report.readiness = report.people.empty() ? 0.0 : readiness / static_cast<double>(report.people.size());
    analyse_coverage(framework, report);
    return report;
}

}  // namespace ddat
