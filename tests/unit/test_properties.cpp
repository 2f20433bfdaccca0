// Properties that must hold over every role level of a framework and over thousands of random
// self-assessments, not only over examples. Random cases come from Catch2 generators, seeded by
// Catch's --rng-seed (0 unless given), so a run is repeatable. Each property is also checked
// against a deliberately broken version of the operation (a "mutant"), which it must catch: a
// property that cannot fail proves nothing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "ddat/analysis/changes.hpp"
#include "ddat/analysis/diff.hpp"
#include "ddat/analysis/gap.hpp"
#include "ddat/analysis/match.hpp"
#include "ddat/analysis/path.hpp"
#include "ddat/load/importer.hpp"
#include "ddat/write/exporter.hpp"
#include "helpers.hpp"
#include "imported.hpp"
#include "small_framework.hpp"

using ddat::LevelChange;
using ddat::SkillLevel;

namespace {

// The frameworks the properties run over: the built-in one, and the whole published framework
// (205 levels) when its CSV files are beside the project.
std::vector<const ddat::Framework*> frameworks() {
    std::vector<const ddat::Framework*> list = {&ddat_test::builtin(), &ddat_test::small_framework()};
    if (const ddat::Framework* imported = ddat_test::imported()) {
        list.push_back(imported);
    }
    return list;
}

LevelChange mirrored(LevelChange change) {
    switch (change) {
        case LevelChange::raised: return LevelChange::lowered;
        case LevelChange::lowered: return LevelChange::raised;
        case LevelChange::added: return LevelChange::removed;
        case LevelChange::removed: return LevelChange::added;
        case LevelChange::same: return LevelChange::same;
    }
    return change;
}

// diff_levels of a framework that outlives the result (the overload for a temporary is deleted).
using DiffSignature = ddat::LevelDiff(const ddat::Framework&, const ddat::RoleLevel&, const ddat::RoleLevel&);
using DiffFunction = std::function<DiffSignature>;

// The pairs of levels (of the first `limit`) whose diffs are not mirrors of each other. Each
// unordered pair is checked once: the property is symmetric.
std::size_t mirror_violations(const ddat::Framework& f, const DiffFunction& diff, std::size_t limit = SIZE_MAX) {
    std::size_t violations = 0;
    auto levels = f.all_levels().to_vector();
    levels.resize(std::min(limit, levels.size()));
    for (std::size_t i = 0; i < levels.size(); ++i) {
        for (std::size_t j = i; j < levels.size(); ++j) {
            const ddat::RoleLevel* a = levels[i];
            const ddat::RoleLevel* b = levels[j];
            const ddat::LevelDiff ab = diff(f, *a, *b);
            const ddat::LevelDiff ba = diff(f, *b, *a);
            bool ok = ab.skills.size() == ba.skills.size() && ab.criteria.size() == ba.criteria.size();
            for (const auto& s : ab.skills) {
                const auto other = std::find_if(ba.skills.begin(), ba.skills.end(),
                                                [&](const ddat::SkillChange& t) { return t.skill == s.skill; });
                ok = ok && other != ba.skills.end() && other->from == s.to && other->to == s.from &&
                     other->change == mirrored(s.change);
            }
            violations += ok ? 0 : 1;
        }
    }
    return violations;
}

// A random self-assessment: each skill of the framework held with some chance, at a random level,
// some with an agreed level too.
ddat::SelfAssessment random_assessment(const ddat::Framework& f, std::mt19937& random) {
    ddat::SelfAssessment person;
    std::uniform_int_distribution<int> level(1, 4);
    std::bernoulli_distribution held(0.6);
    std::bernoulli_distribution agreed(0.2);
    for (const auto& skill : f.skills()) {
        if (held(random)) {
            ddat::AssessedSkill s;
            s.skill_id = skill.id;
            s.level = static_cast<SkillLevel>(level(random));
            if (agreed(random)) {
                s.agreed = static_cast<SkillLevel>(level(random));
            }
            person.skills.push_back(s);
        }
    }
    return person;
}

using ReadinessFunction =
    std::function<double(const ddat::Framework&, const ddat::SelfAssessment&, const ddat::RoleLevel&)>;

// Of `count` random assessments, how many have a skill whose rise lowers readiness for a random level.
std::size_t monotone_violations(const ddat::Framework& f, std::mt19937& random, int count,
                                const ReadinessFunction& readiness) {
    std::size_t violations = 0;
    const auto levels = f.all_levels();
    std::uniform_int_distribution<std::size_t> pick_level(0, levels.size() - 1);
    std::uniform_int_distribution<std::size_t> pick_skill(0, f.skills().size() - 1);
    for (int i = 0; i < count; ++i) {
        ddat::SelfAssessment person = random_assessment(f, random);
        const ddat::RoleLevel& target = *levels[pick_level(random)];
        const double before = readiness(f, person, target);
        const std::string& id = f.skills()[pick_skill(random)].id;
        const auto found = std::find_if(person.skills.begin(), person.skills.end(),
                                        [&](const ddat::AssessedSkill& s) { return s.skill_id == id; });
        if (found == person.skills.end()) {
            ddat::AssessedSkill s;
            s.skill_id = id;
            s.level = SkillLevel::awareness;
            person.skills.push_back(s);
        } else if (found->level != SkillLevel::expert) {
            found->level = static_cast<SkillLevel>(ddat::to_number(found->level) + 1);
            found->agreed.reset();  // the rise is the level compared
        } else {
            continue;
        }
        violations += readiness(f, person, target) < before ? 1 : 0;
    }
    return violations;
}

double real_readiness(const ddat::Framework& f, const ddat::SelfAssessment& p, const ddat::RoleLevel& l) {
    return ddat::analyse_gap(f, p, l, ddat::Rating::self).summary.readiness;
}

// A mutant: readiness as closeness to each required level, so that exceeding one costs.
double closeness_readiness(const ddat::Framework& f, const ddat::SelfAssessment& p, const ddat::RoleLevel& l) {
    const ddat::GapReport gap = ddat::analyse_gap(f, p, l, ddat::Rating::self);
    double sum = 0;
    for (const auto& g : gap.skills) {
        sum += std::abs(ddat::to_number(g.actual) - ddat::to_number(ddat::level_to_meet(*g.requirement)));
    }
    return gap.skills.empty() ? 1.0 : 1.0 - sum / (4.0 * static_cast<double>(gap.skills.size()));
}

using Ranking = std::function<bool(const ddat::LevelMatch&, const ddat::LevelMatch&)>;

// Of `count` random assessments, how many are ranked out of the order of their gap readiness.
std::size_t order_violations(const ddat::Framework& f, std::mt19937& random, int count, const Ranking& ranking) {
    std::size_t violations = 0;
    ddat::MatchOptions all;
    all.all = true;
    for (int i = 0; i < count; ++i) {
        const ddat::SelfAssessment person = random_assessment(f, random);
        ddat::MatchReport report = ddat::match_levels(f, person, all);
        std::stable_sort(report.levels.begin(), report.levels.end(), ranking);
        bool ok = true;
        for (std::size_t k = 0; k < report.levels.size(); ++k) {
            const double gap = ddat::analyse_gap(f, person, *report.levels[k].level).summary.readiness;
            ok = ok && report.levels[k].summary.readiness == gap;
            ok = ok && (k == 0 || report.levels[k - 1].summary.readiness >= report.levels[k].summary.readiness);
        }
        violations += ok ? 0 : 1;
    }
    return violations;
}

// find_path of a framework that outlives the result (the overload for a temporary is deleted).
using PathSignature = ddat::LevelPath(const ddat::Framework&, const ddat::RoleLevel&, const ddat::RoleLevel&);
using PathFunction = std::function<PathSignature>;

// The pairs of levels whose path steps, added up per skill, do not give the direct diff: every
// ordered pair of levels of the same role (paths of several steps), and `across` random pairs of
// levels of different roles (a path of one step).
std::size_t path_violations(const ddat::Framework& f, const PathFunction& path, std::size_t across = 2000) {
    std::size_t violations = 0;
    const auto levels = f.all_levels();
    std::vector<std::pair<const ddat::RoleLevel*, const ddat::RoleLevel*>> pairs;
    for (const ddat::RoleLevel* a : levels) {
        for (const ddat::RoleLevel* c : levels) {
            if (a->role_id == c->role_id) {
                pairs.emplace_back(a, c);
            }
        }
    }
    std::mt19937 random(static_cast<unsigned>(Catch::rngSeed()));
    std::uniform_int_distribution<std::size_t> pick(0, levels.size() - 1);
    for (std::size_t i = 0; i < across; ++i) {
        const ddat::RoleLevel* a = levels[pick(random)];
        const ddat::RoleLevel* c = levels[pick(random)];
        if (a->role_id != c->role_id) {
            pairs.emplace_back(a, c);
        }
    }
    for (const auto& [a, c] : pairs) {
        {
            const ddat::LevelPath p = path(f, *a, *c);
            const ddat::LevelDiff direct = ddat::diff_levels(f, *a, *c);
            bool ok = a == c ? p.steps.empty() : !p.steps.empty();
            for (const auto& s : direct.skills) {
                int sum = 0;
                for (const auto& step : p.steps) {
                    for (const auto& t : step.skills) {
                        sum += t.skill == s.skill ? ddat::levels_changed(t) : 0;
                    }
                }
                ok = ok && sum == ddat::levels_changed(s);
            }
            violations += ok ? 0 : 1;
        }
    }
    return violations;
}

// Whether comparing two copies finds no change at all.
bool no_changes(const ddat::Framework& before, const ddat::Framework& after) {
    const ddat::FrameworkChanges changes = ddat::compare_frameworks(before, after, {});
    return changes.levels_added.empty() && changes.levels_removed.empty() && changes.levels_changed.empty() &&
           changes.skills_added.empty() && changes.skills_removed.empty() &&
           changes.levels_unchanged == static_cast<int>(before.all_levels().size());
}

// Export, import, export again: whether the second export gives back the first's rows.
bool round_trip(const ddat::Framework& f, const std::function<std::string(const std::string&)>& damage) {
    const std::string roles = ddat::export_role_content_csv(f);
    const std::string skills = ddat::export_skill_descriptions_csv(f);
    const ddat::ImportResult again =
        ddat::import_framework_csv(damage(roles), "roles.csv", skills, "skills.csv", ddat::ImportOptions{});
    return ddat::export_role_content_csv(again.framework) == roles &&
           ddat::export_skill_descriptions_csv(again.framework) == skills;
}

}  // namespace

TEST_CASE("property: diff A B is the mirror of diff B A, over every pair of levels", "[property]") {
    for (const ddat::Framework* f : frameworks()) {
        INFO(f->all_levels().size() << " levels");
        CHECK(mirror_violations(*f, static_cast<DiffSignature*>(ddat::diff_levels)) == 0);
        // the mutant reports every raise as a fall
        const DiffFunction broken = [](const ddat::Framework& fw, const ddat::RoleLevel& a, const ddat::RoleLevel& b) {
            ddat::LevelDiff d = ddat::diff_levels(fw, a, b);
            for (auto& s : d.skills) {
                s.change = s.change == LevelChange::raised ? LevelChange::lowered : s.change;
            }
            return d;
        };
        CHECK(mirror_violations(*f, broken, 30) > 0);
    }
}

TEST_CASE("property: readiness never falls when a skill level rises", "[property]") {
    const auto seed = GENERATE(take(2, random(1U, 1000000U)));
    for (const ddat::Framework* f : frameworks()) {
        std::mt19937 random(seed);
        CHECK(monotone_violations(*f, random, 1000, real_readiness) == 0);
        std::mt19937 again(seed);
        CHECK(monotone_violations(*f, again, 1000, closeness_readiness) > 0);
    }
}

TEST_CASE("property: match's order is the order of gap readiness", "[property]") {
    const auto seed = GENERATE(take(2, random(1U, 1000000U)));
    for (const ddat::Framework* f : frameworks()) {
        const int count = f->all_levels().size() > 50 ? 25 : 250;
        std::mt19937 random(seed);
        CHECK(order_violations(*f, random, count, ddat::ranks_before) == 0);
        // the mutant ranks by fewest levels short first
        const Ranking by_shortfall = [](const ddat::LevelMatch& a, const ddat::LevelMatch& b) {
            return a.summary.shortfall < b.summary.shortfall;
        };
        std::mt19937 again(seed);
        CHECK(order_violations(*f, again, count, by_shortfall) > 0);
    }
}

TEST_CASE("property: the steps of path A C add up to diff A C, over every pair of levels of a role", "[property]") {
    for (const ddat::Framework* f : frameworks()) {
        CHECK(path_violations(*f, static_cast<PathSignature*>(ddat::find_path)) == 0);
        // the mutant forgets the last step of a path of more than one
        const PathFunction broken = [](const ddat::Framework& fw, const ddat::RoleLevel& a, const ddat::RoleLevel& c) {
            ddat::LevelPath p = ddat::find_path(fw, a, c);
            if (p.steps.size() > 1) {
                p.steps.pop_back();
            }
            return p;
        };
        CHECK(path_violations(*f, broken) > 0);
    }
}

TEST_CASE("property: changes X X is empty", "[property]") {
    for (const ddat::Framework* f : frameworks()) {
        CHECK(no_changes(*f, *f));
        // a copy with one requirement raised is not the same
        ddat::FrameworkData raised = f->data();
        for (auto& role : raised.roles) {
            for (auto& level : role.levels) {
                for (auto& r : level.requirements) {
                    if (r.level != SkillLevel::expert) {
                        r.level = SkillLevel::expert;
                        goto done;
                    }
                }
            }
        }
    done:
        const ddat::Framework changed = ddat::finish_framework(std::move(raised));
        CHECK_FALSE(no_changes(*f, changed));
    }
}

TEST_CASE("property: import followed by export gives back the rows", "[property]") {
    for (const ddat::Framework* f : frameworks()) {
        CHECK(round_trip(*f, [](const std::string& text) { return text; }));
        // a row changed on the way (a level in it lowered) is noticed
        CHECK_FALSE(round_trip(*f, [](std::string text) {
            const auto at = text.find(",Practitioner,");
            return at == std::string::npos ? text : text.replace(at, 14, ",Working,");
        }));
    }
}
