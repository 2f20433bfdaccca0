#include "cli/render/svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>

#include "cli/render/html.hpp"
#include "cli/render/style.hpp"
#include "ddat/model.hpp"

namespace ddat::cli {

namespace {

// GOV.UK colours: text, secondary text, borders, and fills that keep dark text readable.
constexpr std::string_view kText = "#0b0c0c";
constexpr std::string_view kSecondary = "#505a5f";
constexpr std::string_view kBorder = "#b1b4b6";

struct Fill {
    std::string_view fill;
    std::string_view text;
};

Fill fill_of(Tone tone) {
    switch (tone) {
        case Tone::good: return {"#cce2d8", "#005a30"};
        case Tone::beyond: return {"#bbd4ea", "#0c2d4a"};
        case Tone::short_of: return {"#fff7bf", "#594d00"};
        case Tone::absent: return {"#f4cdc6", "#942514"};
        case Tone::plain: break;
    }
    return {"#f3f2f1", "#0b0c0c"};
}

// The darker colour of a bar, for the held level in the gap chart.
std::string_view bar_of(Tone tone) {
    switch (tone) {
        case Tone::good: return "#00703c";
        case Tone::beyond: return "#1d70b8";
        case Tone::short_of: return "#b58840";
        case Tone::absent: return "#d4351c";
        case Tone::plain: break;
    }
    return "#505a5f";
}

Tone gap_tone(std::string_view word) {
    for (const GapStatus s : {GapStatus::met, GapStatus::exceeds, GapStatus::below, GapStatus::missing}) {
        if (to_string(s) == word) {
            return tone_of(s);
        }
    }
    return Tone::plain;
}

const Json kEmpty = Json::array();

std::string text_of(const Json& value) {
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_object() && value.contains("name") && value["name"].is_string()) {
        return value["name"].get<std::string>();
    }
    return "";
}

int level_number(const Json& word) {
    if (!word.is_string()) {
        return 0;
    }
    const auto level = parse_skill_level(word.get<std::string>());
    return level ? to_number(*level) : 0;
}

// The characters of a skill's name beside a bar: what fits the 240 pixels left of the bars in
// Arial's fallbacks too (DejaVu Sans is wider).
constexpr std::size_t kLabelCharacters = 26;

// Text cut to `most` characters (not bytes) with "…"; the whole text stays in a <title>.
std::string shortened(const std::string& text, std::size_t most) {
    std::size_t characters = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++characters > most) {
            return text.substr(0, i) + "…";
        }
    }
    return text;
}

void open_svg(std::string& svg, int width, int height, std::string_view title, std::string_view description) {
    fmt::format_to(std::back_inserter(svg),
                   R"(<svg xmlns="http://www.w3.org/2000/svg" width="{0}" height="{1}" viewBox="0 0 {0} {1}" )"
                   R"(role="img" aria-labelledby="chart-title chart-desc" font-family="Arial, Helvetica, sans-serif" )"
                   R"(font-size="14" fill="{4}">)"
                   "\n<title id=\"chart-title\">{2}</title>\n<desc id=\"chart-desc\">{3}</desc>\n"
                   R"(<rect width="{0}" height="{1}" fill="#ffffff"/>)"
                   "\n",
                   width, height, html_escape(title), html_escape(description), kText);
}

void text_at(std::string& svg, int x, int y, std::string_view text, std::string_view extra = "") {
    fmt::format_to(std::back_inserter(svg),
                   R"(<text x="{}" y="{}"{}{}>{}</text>)"
                   "\n",
                   x, y, extra.empty() ? "" : " ", extra, html_escape(text));
}

}  // namespace

std::string gap_chart(const Json& gap) {
    const Json& skills = gap.contains("skills") ? gap["skills"] : Json::array();
    const std::string target = text_of(gap.value("target", Json()));
    const std::string person = text_of(gap.value("person", Json()));
    const std::string title = (person.empty() ? std::string("Skills") : person + ": skills") + " against " + target;
    constexpr int kLabel = 250;
    constexpr int kStep = 90;
    constexpr int kRow = 30;
    constexpr int kTop = 80;
    const int rows = static_cast<int>(skills.size());
    const int width = kLabel + 4 * kStep + 190;
    const int height = kTop + std::max(rows, 1) * kRow + 60;
    int met = 0;
    for (const auto& s : skills) {
        const Tone tone = gap_tone(s.value("status", ""));
        met += tone == Tone::good || tone == Tone::beyond ? 1 : 0;
    }
    std::string svg;
    open_svg(svg, width, height, title,
             fmt::format("A bar for each of {} skills: the outline is the level {} requires, the filled bar the level "
                         "held. {} of {} met.",
                         rows, target, met, rows));
    text_at(svg, 0, 24, shortened(title, 70), R"(font-size="18" font-weight="700")");
    // the level scale
    for (int level = 0; level <= 4; ++level) {
        const int x = kLabel + level * kStep;
        fmt::format_to(std::back_inserter(svg),
                       R"(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="{3}"/>)"
                       "\n",
                       x, kTop - 10, kTop + rows * kRow, kBorder);
        if (level > 0) {
            text_at(svg, x, kTop - 16, to_string(static_cast<SkillLevel>(level)),
                    fmt::format(R"(text-anchor="end" font-size="12" fill="{}")", kSecondary));
        }
    }
    for (int r = 0; r < rows; ++r) {
        const Json& s = skills[static_cast<std::size_t>(r)];
        const int y = kTop + r * kRow;
        const std::string name = text_of(s.value("name", Json()));
        const int required = level_number(s.value("required", Json()));
        const int held = level_number(s.value("actual", Json()));
        const std::string status = s.value("status", "");
        const Tone tone = gap_tone(status);
        fmt::format_to(std::back_inserter(svg), "<g>\n<title>{}: {} required, {} held, {}</title>\n", html_escape(name),
                       html_escape(text_of(s.value("required", Json()))),
                       held == 0 ? std::string("none") : html_escape(text_of(s["actual"])), html_escape(status));
        text_at(svg, kLabel - 10, y + 20, shortened(name, kLabelCharacters), R"(text-anchor="end")");
        if (held > 0) {
            fmt::format_to(std::back_inserter(svg),
                           R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>)"
                           "\n",
                           kLabel, y + 7, held * kStep, kRow - 14, bar_of(tone));
        }
        if (required > 0) {
            fmt::format_to(std::back_inserter(svg),
                           R"(<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="{}" stroke-width="2"/>)"
                           "\n",
                           kLabel, y + 4, required * kStep, kRow - 8, kText);
        }
        const Fill fill = fill_of(tone);
        const int tag = kLabel + 4 * kStep + 16;
        fmt::format_to(std::back_inserter(svg),
                       R"(<rect x="{}" y="{}" width="86" height="22" fill="{}"/>)"
                       "\n",
                       tag, y + 4, fill.fill);
        text_at(svg, tag + 6, y + 20, status, fmt::format(R"(fill="{}")", fill.text));
        svg += "</g>\n";
    }
    const int legend = kTop + std::max(rows, 1) * kRow + 30;
    fmt::format_to(std::back_inserter(svg),
                   R"(<rect x="0" y="{0}" width="24" height="14" fill="none" stroke="{1}" stroke-width="2"/>)"
                   "\n"
                   R"(<rect x="200" y="{0}" width="24" height="14" fill="{2}"/>)"
                   "\n",
                   legend - 12, kText, bar_of(Tone::good));
    text_at(svg, 32, legend, "level required");
    text_at(svg, 232, legend, "level held (coloured by status)");
    svg += "</svg>\n";
    return svg;
}

std::string team_chart(const Json& team) {
    const Json& people = team.contains("people") ? team["people"] : Json::array();
    const Json& skills = team.contains("skills") ? team["skills"] : Json::array();
    constexpr int kName = 200;
    constexpr int kCell = 44;
    constexpr int kRow = 30;
    constexpr int kTop = 190;
    const int columns = static_cast<int>(skills.size());
    const int rows = static_cast<int>(people.size());
    const int width = kName + (columns + 1) * kCell + 80;
    const int height = kTop + std::max(rows, 1) * kRow + 70;
    std::string svg;
    open_svg(svg, width, height, "Team skills heat map",
             fmt::format("{} people by {} skills. Each cell gives the levels a person is short of their target in "
                         "that skill: a tick where met, a cross where missing, empty where not required; the last "
                         "column gives each person's readiness.",
                         rows, columns));
    text_at(svg, 0, 24, "Team skills heat map", R"(font-size="20" font-weight="700")");
    std::map<std::string, int> column_of;
    for (int c = 0; c < columns; ++c) {
        const Json& skill = skills[static_cast<std::size_t>(c)];
        column_of[skill.value("id", "")] = c;
        const int x = kName + c * kCell + kCell / 2;
        fmt::format_to(std::back_inserter(svg),
                       R"svg(<text transform="translate({},{}) rotate(-60)" font-size="12">{}</text>)svg"
                       "\n",
                       x + 4, kTop - 8, html_escape(shortened(text_of(skill.value("name", Json())), 24)));
    }
    text_at(svg, kName + columns * kCell + 8, kTop - 8, "ready", R"(font-size="12" font-weight="700")");
    for (int r = 0; r < rows; ++r) {
        const Json& person = people[static_cast<std::size_t>(r)];
        const int y = kTop + r * kRow;
        const std::string name = text_of(person.value("name", Json()));
        text_at(svg, kName - 10, y + 20, shortened(name, 24), R"(text-anchor="end")");
        std::vector<const Json*> cells(static_cast<std::size_t>(columns), nullptr);
        const Json& gaps = person.contains("skills") ? person["skills"] : kEmpty;
        for (const auto& g : gaps) {
            if (const auto found = column_of.find(g.value("id", "")); found != column_of.end()) {
                cells[static_cast<std::size_t>(found->second)] = &g;
            }
        }
        for (int c = 0; c < columns; ++c) {
            const int x = kName + c * kCell;
            const Json* g = cells[static_cast<std::size_t>(c)];
            std::string mark;
            Tone tone = Tone::plain;
            std::string status = "not required";
            if (g != nullptr) {
                status = g->value("status", "");
                tone = gap_tone(status);
                const int shortfall = g->value("shortfall", 0);
                mark = tone == Tone::absent ? "✗" : shortfall > 0 ? fmt::format("{}", shortfall) : "✓";
                if (tone == Tone::beyond) {
                    tone = Tone::good;  // beyond the target is met, as the key says
                }
                if (tone == Tone::short_of && shortfall >= 2) {
                    tone = Tone::absent;  // two or more levels short reads as far as missing
                }
            }
            const Fill fill = fill_of(tone);
            fmt::format_to(
                std::back_inserter(svg),
                "<g><title>{}, {}: {}</title>"
                R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="#ffffff" stroke-width="2"/>)",
                html_escape(name), html_escape(text_of(skills[static_cast<std::size_t>(c)].value("name", Json()))),
                html_escape(status), x, y, kCell, kRow, fill.fill);
            text_at(svg, x + kCell / 2, y + 20, mark, fmt::format(R"(text-anchor="middle" fill="{}")", fill.text));
            svg += "</g>\n";
        }
        const Json readiness = person.value("readiness", Json());
        text_at(svg, kName + columns * kCell + 8, y + 20,
                readiness.is_number() ? percent(readiness.get<double>()) : std::string());
    }
    // the key
    const int key = kTop + std::max(rows, 1) * kRow + 30;
    int x = 0;
    for (const auto& [tone, mark, label] :
         {std::tuple{Tone::good, "✓", "met"}, std::tuple{Tone::short_of, "1", "1 level short"},
          std::tuple{Tone::absent, "2", "2+ levels short"}, std::tuple{Tone::absent, "✗", "missing"}}) {
        const Fill fill = fill_of(tone);
        fmt::format_to(std::back_inserter(svg),
                       R"(<rect x="{}" y="{}" width="28" height="22" fill="{}"/>)"
                       "\n",
                       x, key - 16, fill.fill);
        text_at(svg, x + 14, key, mark, fmt::format(R"(text-anchor="middle" fill="{}")", fill.text));
        text_at(svg, x + 34, key, label);
        x += 160;
    }
    svg += "</svg>\n";
    return svg;
}

std::string path_chart(const Json& path) {
    const Json& steps = path.contains("steps") ? path["steps"] : Json::array();
    std::vector<std::string> levels;
    std::vector<std::pair<int, int>> built;  // skills and levels each step asks to build
    for (const auto& step : steps) {
        if (levels.empty()) {
            levels.push_back(text_of(step.value("from", Json())));
        }
        levels.push_back(text_of(step.value("to", Json())));
        int skills = 0;
        int total = 0;
        for (const auto& s : step.value("skills", Json::array())) {
            const int n = s.value("levels", 0);
            if (n > 0) {
                ++skills;
                total += n;
            }
        }
        built.emplace_back(skills, total);
    }
    if (levels.empty()) {
        levels.push_back(text_of(path.value("from", Json())));
    }
    constexpr int kBox = 170;
    constexpr int kGap = 120;
    const int count = static_cast<int>(levels.size());
    const int width = count * kBox + (count - 1) * kGap + 20;
    const int height = 190;
    const std::string title = "Path from " + levels.front() + " to " + levels.back();
    std::string svg;
    open_svg(svg, width, height, title,
             fmt::format("{} steps; under each arrow, the skills and levels that step asks to build.", count - 1));
    text_at(svg, 10, 24, title, R"(font-size="20" font-weight="700")");
    for (int i = 0; i < count; ++i) {
        const int x = 10 + i * (kBox + kGap);
        fmt::format_to(std::back_inserter(svg),
                       R"(<rect x="{}" y="60" width="{}" height="70" fill="#f3f2f1" stroke="{}" stroke-width="2"/>)"
                       "\n",
                       x, kBox, i + 1 == count ? std::string_view("#1d70b8") : kText);
        const std::string& name = levels[static_cast<std::size_t>(i)];
        fmt::format_to(std::back_inserter(svg), "<g><title>{}</title>\n", html_escape(name));
        text_at(svg, x + kBox / 2, 90, shortened(name, 20), R"(text-anchor="middle" font-weight="700")");
        text_at(svg, x + kBox / 2, 112, i == 0 ? "start" : fmt::format("step {}", i),
                fmt::format(R"(text-anchor="middle" font-size="12" fill="{}")", kSecondary));
        svg += "</g>\n";
        if (i + 1 < count) {
            const int from = x + kBox + 8;
            const int to = x + kBox + kGap - 8;
            fmt::format_to(
                std::back_inserter(svg),
                R"(<path d="M{0} 95 H{1} M{2} 88 L{1} 95 L{2} 102" fill="none" stroke="{3}" stroke-width="2"/>)"
                "\n",
                from, to, to - 8, kText);
            const auto [skills, total] = built[static_cast<std::size_t>(i)];
            text_at(svg, (from + to) / 2, 150, fmt::format("+{} levels", total),
                    R"(text-anchor="middle" font-size="13")");
            text_at(svg, (from + to) / 2, 168, count_of(static_cast<std::size_t>(skills), "skill", "skills"),
                    fmt::format(R"(text-anchor="middle" font-size="12" fill="{}")", kSecondary));
        }
    }
    svg += "</svg>\n";
    return svg;
}

// The least width of the progress chart: its title (80 characters of 18-pixel type) and its legend.
constexpr int kProgressLeast = 820;

std::string progress_chart(const Json& progress) {
    const Json& points = progress.contains("points") ? progress["points"] : Json::array();
    const Json& skills = progress.contains("skills") ? progress["skills"] : Json::array();
    const std::string person = text_of(progress.value("person", Json()));
    const std::string target = text_of(progress.value("target", Json()));
    const std::string title =
        (person.empty() ? std::string("Progress") : "Progress of " + person) + " against " + target;
    constexpr int kLabel = 250;
    constexpr int kStep = 26;  // one level
    constexpr int kColumn = 4 * kStep + 40;
    constexpr int kRow = 30;
    constexpr int kTop = 90;
    const int columns = static_cast<int>(points.size());
    const int rows = static_cast<int>(skills.size());
    // wide enough for the title and the legend however few the assessments
    const int width = std::max(kLabel + std::max(columns, 1) * kColumn + 10, kProgressLeast);
    const int height = kTop + (rows + 1) * kRow + 60;
    std::string svg;
    open_svg(svg, width, height, title,
             fmt::format("{} skills at each of {} assessments: for each, a bar as long as the level held (its number "
                         "beside it) inside an outline as long as the level {} requires; the last row gives the "
                         "readiness at each assessment.",
                         rows, columns, target));
    text_at(svg, 0, 24, shortened(title, 80), R"(font-size="18" font-weight="700")");
    std::vector<std::string> dates;
    for (int c = 0; c < columns; ++c) {
        const Json& point = points[static_cast<std::size_t>(c)];
        std::string date = point.value("date", Json()).is_string() ? point["date"].get<std::string>() : std::string();
        if (date.empty()) {
            date = text_of(point.value("file", Json()));
        }
        dates.push_back(date);
        text_at(svg, kLabel + c * kColumn, kTop - 14, shortened(date, 16), R"(font-size="13" font-weight="700")");
    }
    for (int r = 0; r < rows; ++r) {
        const Json& skill = skills[static_cast<std::size_t>(r)];
        const int y = kTop + r * kRow;
        const std::string name = text_of(skill.value("name", Json()));
        const int required = level_number(skill.value("required", Json()));
        const std::string required_word = required == 0 ? std::string("not required") : text_of(skill["required"]);
        text_at(svg, kLabel - 10, y + 20, shortened(name, kLabelCharacters), R"(text-anchor="end")");
        const Json& levels = skill.contains("levels") ? skill["levels"] : kEmpty;
        for (int c = 0; c < columns && c < static_cast<int>(levels.size()); ++c) {
            const Json& word = levels[static_cast<std::size_t>(c)];
            const int held = level_number(word);
            const Tone tone = required == 0      ? Tone::plain
                              : held >= required ? Tone::good
                              : held > 0         ? Tone::short_of
                                                 : Tone::absent;
            const int x = kLabel + c * kColumn;
            fmt::format_to(std::back_inserter(svg), "<g>\n<title>{}, {}: {} ({} required)</title>\n", html_escape(name),
                           html_escape(dates[static_cast<std::size_t>(c)]),
                           held == 0 ? std::string("none") : html_escape(text_of(word)), html_escape(required_word));
            if (held > 0) {
                fmt::format_to(std::back_inserter(svg),
                               R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>)"
                               "\n",
                               x, y + 8, held * kStep, kRow - 16, bar_of(tone));
            }
            if (required > 0) {
                fmt::format_to(
                    std::back_inserter(svg),
                    R"(<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="{}" stroke-width="2"/>)"
                    "\n",
                    x, y + 5, required * kStep, kRow - 10, kText);
            }
            text_at(svg, x + 4 * kStep + 8, y + 20, held == 0 ? std::string("–") : std::to_string(held),
                    fmt::format(R"(font-size="13" fill="{}")", fill_of(tone).text));
            svg += "</g>\n";
        }
    }
    // readiness at each assessment
    const int ready_y = kTop + rows * kRow;
    text_at(svg, kLabel - 10, ready_y + 20, "Readiness", R"(text-anchor="end" font-weight="700")");
    for (int c = 0; c < columns; ++c) {
        const Json readiness = points[static_cast<std::size_t>(c)].value("readiness", Json());
        text_at(svg, kLabel + c * kColumn, ready_y + 20,
                readiness.is_number() ? percent(readiness.get<double>()) : std::string(), R"(font-weight="700")");
    }
    const int legend = ready_y + kRow + 30;
    fmt::format_to(std::back_inserter(svg),
                   R"(<rect x="0" y="{0}" width="24" height="14" fill="none" stroke="{1}" stroke-width="2"/>)"
                   "\n"
                   R"(<rect x="200" y="{0}" width="24" height="14" fill="{2}"/>)"
                   "\n"
                   R"(<rect x="420" y="{0}" width="24" height="14" fill="{3}"/>)"
                   "\n",
                   legend - 12, kText, bar_of(Tone::good), bar_of(Tone::short_of));
    text_at(svg, 32, legend, "level required");
    text_at(svg, 232, legend, "level held, met");
    text_at(svg, 452, legend, "level held, short of it");
    svg += "</svg>\n";
    return svg;
}

}  // namespace ddat::cli
