// ddat match --me FILE [--family F] [--top N] [--explain LEVEL]

#include <cmath>
#include <memory>

#include "cli/app.hpp"
#include "cli/self_assessment_input.hpp"
#include "ddat/analysis/gap.hpp"
#include "ddat/analysis/match.hpp"
#include "ddat/errors.hpp"
#include "ddat/load/self_assessment.hpp"
#include "ddat/resolve.hpp"

namespace ddat::cli {

namespace {

struct MatchCommandOptions {
    std::string me;
    std::string family;
    std::size_t top = 10;
    std::string explain;
    bool explain_given = false;  // --explain, with or without a level
    bool all = false;
    Rating rating = Rating::agreed;
};

// The name a person types for a level: its first alias, else its id.
double rounded(double fraction) { return std::round(fraction * 1000) / 1000; }

// Each skill's and criterion's part of a level's score, in thousandths, apportioned so that the
// parts add up to exactly the readiness shown (rounded to 3 decimals) and the takes to the rest.
struct ShownContribution {
    const Contribution* part = nullptr;
    long adds = 0;
    long takes = 0;
};

std::vector<ShownContribution> shown_contributions(const std::vector<Contribution>& parts, double readiness,
                                                   long scale) {
    std::vector<double> adds;
    std::vector<double> takes;
    for (const auto& p : parts) {
        adds.push_back(p.adds);
        takes.push_back(p.takes);
    }
    const long total = std::lround(readiness * static_cast<double>(scale));
    const std::vector<long> a = apportion(adds, total);
    const std::vector<long> t = apportion(takes, scale - total);
    std::vector<ShownContribution> shown;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        shown.push_back({&parts[i], a[i], t[i]});
    }
    return shown;
}

// How each skill and criterion of a level adds to or takes from its readiness, as JSON.
Json contributions_json(const GapReport& gap) {
    const std::vector<Contribution> parts = contributions(gap);
    Json list = Json::array();
    for (const auto& c : shown_contributions(parts, gap.summary.readiness, 1000)) {
        const Contribution& p = *c.part;
        if (p.skill != nullptr) {
            list.push_back({{"kind", "skill"},
                            {"id", p.skill->skill->id},
                            {"required", std::string(required_level_word(*p.skill->requirement))},
                            {"actual", level_json(p.skill->actual)},
                            {"adds", static_cast<double>(c.adds) / 1000},
                            {"takes", static_cast<double>(c.takes) / 1000}});
        } else {
            list.push_back({{"kind", "criterion"},
                            {"id", p.criterion->criterion->id},
                            {"status", std::string(to_string(p.criterion->status))},
                            {"adds", static_cast<double>(c.adds) / 1000},
                            {"takes", static_cast<double>(c.takes) / 1000}});
        }
    }
    return list;
}

Json match_json(const LevelMatch& m) {
    const GapSummary& s = m.summary;
    return {{"id", m.level->id},
            {"name", m.level->name},
            {"role", id_and_name(*m.role)},
            {"readiness", rounded(s.readiness)},
            {"shortfall", s.shortfall},
            {"missing", s.missing},
            {"below", s.below},
            {"met", s.met},
            {"required", s.required},
            {"criteria_not_met", s.criteria - s.criteria_met}};
}

Json ranked_json(const Framework& framework, const SelfAssessment& person, const std::vector<LevelMatch>& ranked,
                 std::size_t top, Rating rating) {
    Json levels = Json::array();
    for (std::size_t i = 0; i < ranked.size() && (top == 0 || i < top); ++i) {
        Json entry = {{"rank", i + 1}};
        entry.update(match_json(ranked[i]));
        entry["contributions"] = contributions_json(analyse_gap(framework, person, *ranked[i].level, rating));
        levels.push_back(std::move(entry));
    }
    return levels;
}

Json report_json(const Framework& framework, const SelfAssessment& person, const MatchReport& report,
                 const MatchCommandOptions& options, const GapReport* next_gap) {
    const Json levels = ranked_json(framework, person, report.levels, options.top, options.rating);
    Json next = nullptr;
    if (report.next_step != nullptr && next_gap != nullptr) {
        const GapSummary& s = next_gap->summary;
        next = {{"id", report.next_step->id},
                {"name", report.next_step->name},
                {"from", id_and_name(*report.step_from)},
                {"from_current", report.step_from_current},
                {"readiness", rounded(s.readiness)},
                {"shortfall", s.shortfall},
                {"missing", s.missing},
                {"below", s.below},
                {"short", shortfalls_json(*next_gap)}};
    }
    Json lateral = Json::array();
    for (const auto& m : report.lateral) {
        lateral.push_back(match_json(m));
    }
    return {{"person", report.person.empty() ? Json(nullptr) : Json(report.person)},
            {"current", report.current == nullptr ? Json(nullptr) : id_and_name(*report.current)},
            {"rating", std::string(to_string(options.rating))},
            {"levels", levels},
            {"lower", ranked_json(framework, person, report.lower, options.top, options.rating)},
            {"next_step", next},
            {"lateral", lateral}};
}

std::string short_summary(const GapSummary& s) {
    std::string text = percent(s.readiness) + " ready";
    if (s.shortfall > 0) {
        text += ", " + std::to_string(s.shortfall) + (s.shortfall == 1 ? " level" : " levels") + " short";
    }
    if (s.missing > 0) {
        text += ", " + std::to_string(s.missing) + " missing";
    }
    return text;
}

// How each skill and criterion adds to the level's readiness, in percentage points that add up to
// the percentage shown.
void write_contributions(const GapReport& gap, const Output& output) {
    const Style& style = output.style;
    std::ostream& out = output.out;
    const std::vector<Contribution> parts = contributions(gap);
    if (parts.empty()) {
        return;
    }
    out << '\n' << style.bold("How the score of " + short_name(*gap.target) + " adds up") << " (percentage points)\n";
    TextTable table({"SKILL OR CRITERION", "REQUIRED", "YOURS", "ADDS", "TAKES"}, 0);
    for (const auto& c : shown_contributions(parts, gap.summary.readiness, 100)) {
        const Contribution& p = *c.part;
        if (p.skill != nullptr) {
            table.add_row({p.skill->skill->name, std::string(required_level_word(*p.skill->requirement)),
                           rated_text(p.skill->actual, p.skill->uses_agreed, p.skill->discuss),
                           "+" + std::to_string(c.adds), c.takes == 0 ? "" : "-" + std::to_string(c.takes)});
        } else {
            table.add_row({p.criterion->criterion->name, "met", std::string(to_string(p.criterion->status)),
                           "+" + std::to_string(c.adds), c.takes == 0 ? "" : "-" + std::to_string(c.takes)});
        }
    }
    table.add_row({"Readiness", "", "", percent(gap.summary.readiness), ""});
    table.write(out, style, "  ");
}

// What a level asks beyond where the person is: each skill below or missing, and criteria not met.
void write_explanation(const GapReport& gap, const std::string& me, const Output& output) {
    const Style& style = output.style;
    std::ostream& out = output.out;
    const RoleLevel& target = *gap.target;
    out << '\n' << style.bold("What " + short_name(target) + " asks beyond where you are") << '\n';
    bool any = false;
    TextTable table({"SKILL", "REQUIRED", "YOURS", "SHORT"}, 0);
    for (const auto& g : gap.skills) {
        if (g.status != GapStatus::below && g.status != GapStatus::missing) {
            continue;
        }
        table.add_row(
            {g.skill->name, std::string(required_level_word(*g.requirement)),
             g.actual == SkillLevel::none ? "-" : std::string(to_string(g.actual)), std::to_string(g.shortfall)},
            {Tone::plain, Tone::plain, tone_of(g.status), Tone::plain});
        any = true;
    }
    if (any) {
        table.write(out, style, "  ");
    }
    std::string criteria;
    for (const auto& c : gap.criteria) {
        if (c.status != CriterionStatus::met) {
            criteria +=
                (criteria.empty() ? "" : "; ") + c.criterion->name + " (" + std::string(to_string(c.status)) + ")";
        }
    }
    if (!criteria.empty()) {
        write_wrapped(out, "Competences and specialist skills not met: " + criteria, style, "  ");
        any = true;
    }
    if (!any) {
        out << "  Nothing: you meet every requirement.\n";
        return;
    }
    const std::string hint =
        "What each asks: ddat gap --me " + (me == "-" ? std::string("FILE") : me) + " --target " + short_name(target);
    for (const auto& line : wrap(hint, static_cast<std::size_t>(std::max(style.width, 40)))) {
        out << style.dim(line) << '\n';
    }
}

void write_match_table(const Framework& framework, const MatchReport& report, const MatchCommandOptions& options,
                       const GapReport* next_gap, const GapReport* explained, const Output& output) {
    const auto brief = [](const LevelMatch& m) { return short_name(*m.level) + " " + percent(m.summary.readiness); };
    const Style& style = output.style;
    std::ostream& out = output.out;
    out << visible(report.person.empty() ? std::string("You") : report.person)
        << visible(report.current == nullptr ? std::string() : " (now " + report.current->name + ")")
        << ": the role levels you are most ready for\n\n";
    const std::size_t shown = options.top == 0 ? report.levels.size() : std::min(options.top, report.levels.size());
    // The NAME column is left out when the terminal is too narrow for it beside the others.
    std::size_t fixed = 2 + 2 * 6 + 3 + 5 + 5 + 7;  // indent, gaps, #, READY, SHORT and MISSING
    std::size_t level_width = 5;
    std::size_t role_width = 4;
    for (std::size_t i = 0; i < shown; ++i) {
        level_width = std::max(level_width, display_width(short_name(*report.levels[i].level)));
        role_width = std::max(role_width, display_width(report.levels[i].role->name));
    }
    fixed += level_width + role_width;
    const bool with_name = fixed + 16 <= static_cast<std::size_t>(std::max(style.width, 40));
    std::vector<std::string> headers = {"#", "LEVEL"};
    if (with_name) {
        headers.emplace_back("NAME");
    }
    for (const char* header : {"ROLE", "READY", "SHORT", "MISSING"}) {
        headers.emplace_back(header);
    }
    TextTable table(headers, 2);  // NAME, or ROLE without it
    bool any_criteria = false;
    for (std::size_t i = 0; i < shown; ++i) {
        const LevelMatch& m = report.levels[i];
        std::vector<std::string> cells = {std::to_string(i + 1), short_name(*m.level)};
        if (with_name) {
            cells.push_back(m.level->name);
        }
        cells.push_back(m.role->name);
        cells.push_back(percent(m.summary.readiness));
        cells.push_back(std::to_string(m.summary.shortfall));
        const int criteria = m.summary.criteria - m.summary.criteria_met;
        cells.push_back(std::to_string(m.summary.missing + criteria) + (criteria > 0 ? "*" : ""));
        any_criteria = any_criteria || criteria > 0;
        table.add_row(std::move(cells));
    }
    table.write(out, style, "  ");
    if (any_criteria) {
        out << style.dim("* with the competences and specialist skills not met") << '\n';
    }
    if (shown < report.levels.size()) {
        out << style.dim("Top " + std::to_string(shown) + " of " + std::to_string(report.levels.size()) +
                         " role levels; --top 0 shows them all.")
            << '\n';
    }
    if (!report.lower.empty()) {
        std::string lower = "Below your current level, ranked apart (--all ranks them with the rest): ";
        const std::size_t listed = std::min<std::size_t>(report.lower.size(), 5);
        for (std::size_t i = 0; i < listed; ++i) {
            lower += (i == 0 ? "" : ", ") + brief(report.lower[i]);
        }
        if (listed < report.lower.size()) {
            lower += " and " + std::to_string(report.lower.size() - listed) + " more";
        }
        out << '\n';
        write_wrapped(out, lower + ".", style, "");
    }
    out << '\n';
    std::string next = "Next step in your role: ";
    if (report.step_from == nullptr) {
        next += "none (no role level to match)";
    } else if (report.next_step == nullptr) {
        next += "none: " + report.step_from->name + " is the most senior level of " +
                framework.role_of(*report.step_from).name + ".";
    } else {
        next += short_name(*report.next_step) + ", " + report.next_step->name;
        if (next_gap != nullptr) {
            next += " (" + short_summary(next_gap->summary) + ")";
        }
        if (!report.step_from_current) {
            next += ", after " + short_name(*report.step_from) +
                    ", your best match (say 'current:' in your assessment to step from your own level)";
        }
    }
    write_wrapped(out, next, style, "");
    std::string lateral = "Nearest moves to other roles: ";
    if (report.lateral.empty()) {
        lateral += "none";
    }
    for (std::size_t i = 0; i < report.lateral.size(); ++i) {
        const LevelMatch& m = report.lateral[i];
        lateral +=
            (i == 0 ? "" : "; ") + short_name(*m.level) + ", " + m.level->name + " (" + short_summary(m.summary) + ")";
    }
    write_wrapped(out, lateral, style, "");
    if (next_gap != nullptr) {
        write_explanation(*next_gap, options.me, output);
    }
    if (explained != nullptr && (next_gap == nullptr || explained->target != next_gap->target)) {
        write_explanation(*explained, options.me, output);
    }
    if (explained != nullptr) {
        write_contributions(*explained, output);
    }
}

int run_match(Session& session, const MatchCommandOptions& options) {
    // every level's requirements and criteria, and the skills' names: none of their texts
    const Framework& framework = session.framework(LoadScope::requirements_only());
    const RoleLevel* explain = options.explain.empty() ? nullptr : &resolve_level(framework, options.explain);
    MatchOptions match_options;
    match_options.rating = options.rating;
    match_options.all = options.all;
    if (!options.family.empty()) {
        match_options.family_id = resolve_family(framework, options.family).id;
    }
    std::vector<Diagnostic> warnings;
    const SelfAssessment person = read_self_assessment(session, options.me, &warnings);
    const MatchReport report = match_levels(framework, person, match_options);
    std::unique_ptr<GapReport> next_gap;
    if (report.next_step != nullptr) {
        next_gap = std::make_unique<GapReport>(analyse_gap(framework, person, *report.next_step, options.rating));
    }
    // --explain LEVEL explains that level; --explain alone the best-ranked one.
    if (explain == nullptr && options.explain_given && !report.levels.empty()) {
        explain = &report.levels.front().level.get();
    }
    std::unique_ptr<GapReport> explained;
    if (explain != nullptr) {
        explained = std::make_unique<GapReport>(analyse_gap(framework, person, *explain, options.rating));
    }
    Output output = session.output();
    const Picture picture{"Role levels ranked by readiness", {}};
    if (!write_machine(
            output,
            [&] {
                Json data = report_json(framework, person, report, options, next_gap.get());
                if (explained) {
                    data["explain"] = {{"id", explained->target->id},
                                       {"name", explained->target->name},
                                       {"readiness", rounded(explained->summary.readiness)},
                                       {"short", shortfalls_json(*explained)},
                                       {"contributions", contributions_json(*explained)}};
                }
                data["warnings"] = diagnostics_json(warnings);
                data["notes"] = diagnostics_json(person.notes);
                return data;
            },
            [](const Json& data) {
                // One row per level; each level's contributions are in JSON and YAML.
                Json levels = data["levels"];
                for (auto& level : levels) {
                    level.erase("contributions");
                }
                return flatten(levels);
            },
            &picture)) {
        write_match_table(framework, report, options, next_gap.get(), explained.get(), output);
    }
    return kExitOk;
}

}  // namespace

void add_match_command(CLI::App& app, CommandRegistry& registry) {
    auto options = std::make_shared<MatchCommandOptions>();
    CLI::App* match = app.add_subcommand("match", "Rank every role level by how ready you are for it");
    if (!registry.builds(*match)) {
        return;  // another command was asked for: the name and description are enough
    }
    completes(match->add_option("--me", options->me, "Self-assessment YAML file; - reads stdin")
                  ->required()
                  ->type_name("FILE"),
              Completion::files);
    completes(match->add_option("--family", options->family, "Only the roles of this family (id or name)")
                  ->type_name("FAMILY"),
              Completion::families);
    completes(match->add_option("--top", options->top, "How many levels to list (default 10; 0 for all)")
                  ->type_name("N")
                  ->check(CLI::NonNegativeNumber),
              Completion::none);
    CLI::Option* explain = completes(
        match
            ->add_option("--explain", options->explain,
                         "Also show what a level (default: the best-ranked) asks beyond where you are, and how "
                         "much each skill adds to or takes from its score")
            ->type_name("[LEVEL]")
            ->expected(0, 1),
        Completion::levels);
    match->add_flag("--all", options->all, "Rank the levels below your current level with the rest, not apart");
    add_rating_option(*match, options->rating);
    match->footer(
        "Readiness is as in 'ddat gap': the skill levels you hold, up to the level required, over\n"
        "the levels required. Ties go to fewer levels short, then fewer skills missing, then the\n"
        "level that asks more of what you hold. With 'current:' in your assessment, match looks\n"
        "forward: it ranks the levels from yours up in your role, and in other roles those that\n"
        "ask as much or more (by the mean level their skills require); lower levels are listed\n"
        "apart (--all ranks them too). The next step follows 'current:', else your best match;\n"
        "the nearest moves are the best-ranked levels of other roles. --explain, and JSON always,\n"
        "shows how much each skill adds to or takes from a score; the parts add up to it.\n"
        "\n"
        "Examples:\n"
        "  ddat match --me me.yaml\n"
        "  ddat match --me me.yaml --family it-operations --top 5\n"
        "  ddat match --me me.yaml --explain lead-brm\n"
        "  ddat match --me me.yaml --explain --all\n"
        "  ddat match --me me.yaml --format json");
    add_output_file_option(*match, registry.options());
    registry.add(match, [options, explain](Session& session) {
        options->explain_given = explain->count() > 0;
        return run_match(session, *options);
    });
}

}  // namespace ddat::cli
