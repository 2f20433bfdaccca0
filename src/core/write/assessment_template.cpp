#include "ddat/write/assessment_template.hpp"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace ddat {

namespace {

// Comment lines are wrapped to this many characters.
constexpr std::size_t kWidth = 100;

// Characters, not bytes: UTF-8 continuation bytes do not count.
std::size_t length(std::string_view text) {
    std::size_t n = 0;
    for (const char c : text) {
        n += (static_cast<unsigned char>(c) & 0xC0U) == 0x80U ? 0 : 1;
    }
    return n;
}

// Text broken into lines of at most `width` characters at spaces, keeping its own line breaks;
// a longer word stands alone.
std::vector<std::string> wrap_text(std::string_view text, std::size_t width) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        std::string_view paragraph = text.substr(start, end - start);
        while (!paragraph.empty() && (paragraph.back() == '\r' || paragraph.back() == ' ')) {
            paragraph.remove_suffix(1);
        }
        // a bullet ("- item") hangs its continuation lines under its text
        const bool bullet = paragraph.substr(0, 2) == "- " || paragraph.substr(0, 2) == "* ";
        std::string line;
        std::size_t i = 0;
        while (i < paragraph.size()) {
            std::size_t word_end = paragraph.find(' ', i);
            word_end = word_end == std::string_view::npos ? paragraph.size() : word_end;
            const std::string_view word = paragraph.substr(i, word_end - i);
            i = word_end + 1;
            if (word.empty()) {
                continue;
            }
            if (!line.empty() && line != "  " && length(line) + 1 + length(word) > width) {
                lines.push_back(line);
                line = bullet ? "  " : "";
            }
            line += (line.empty() || line == "  " ? "" : " ") + std::string(word);
        }
        lines.push_back(line);
        if (end >= text.size()) {
            break;
        }
        start = end + 1;
    }
    while (!lines.empty() && lines.back().empty()) {
        lines.pop_back();
    }
    return lines;
}

// Writes text as comment lines: `indent` "# " `first` on the first line, `rest` on the others.
void comment(std::string& out, std::string_view indent, std::string_view first, std::string_view rest,
             std::string_view text) {
    const std::size_t used = indent.size() + 2 + std::max(length(first), length(rest));
    const std::size_t width = used + 30 < kWidth ? kWidth - used : 30;
    const auto lines = wrap_text(text, width);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string line = std::string(indent) + "# " + std::string(i == 0 ? first : rest) + lines[i];
        while (!line.empty() && line.back() == ' ') {
            line.pop_back();
        }
        out += line + "\n";
    }
}

}  // namespace

std::string write_self_assessment(const Framework& framework, const RoleLevel& target, const SelfAssessment& answers) {
    std::string out;
    comment(out, "", "", "", "A self-assessment against " + target.name + " (" + target.id + ").");
    if (!target.requirements.empty()) {
        comment(out, "", "", "",
                "For each skill, write the level you hold it at: none, awareness, working, practitioner or expert "
                "(or 0 to 4), and your evidence if you like. The comments say what the target asks of each skill.");
    }
    if (!target.criteria.empty()) {
        comment(out, "", "", "", "For each criterion, write met, partly or not-met.");
    }
    if (!target.requirements.empty()) {
        out += "# After the conversation with your line manager, write the level you agreed as 'agreed:'.\n";
    }
    out += "# Check it with 'ddat validate --me FILE'; see your gaps with 'ddat gap --me FILE'.\n";
    out += "# This file is about you: keep it somewhere private.\n";
    out += answers.name.empty() ? std::string("name:                  # your name (optional)\n")
                                : "name: " + yaml_double_quoted(answers.name) + "\n";
    out += answers.date.empty()
               ? std::string("date:                  # the date of this assessment, YYYY-MM-DD (optional)\n")
               : "date: " + answers.date + "\n";
    if (const RoleLevel* current =
            answers.current_level_id.empty() ? nullptr : framework.find_level(answers.current_level_id)) {
        out += "current: " + current->id + "\n";
    } else {
        out += "current:               # the role level you hold now, such as its id ('ddat roles list')\n";
    }
    out += "target: " + target.id + "\n";
    out += target.requirements.empty() ? "skills: {}\n" : "skills:\n";
    for (const auto& requirement : target.requirements) {
        const Skill* skill = framework.find_skill(requirement.skill_id);
        const std::string name = skill != nullptr ? skill->name : requirement.skill_id;
        out += "\n";
        if (requirement.level_stated) {
            comment(out, "  ", "", "",
                    name + ": " + target.name + " asks " + std::string(to_string(requirement.level)) + ".");
        } else {
            comment(out, "  ", "", "", name + ": " + target.name + " asks it at no stated level (any level meets it).");
        }
        // The catalogue's description of the level asked, when the requirement says the same.
        const std::string& text = framework.requirement_text(requirement);
        const bool catalogue_text =
            skill != nullptr && requirement.level_stated &&
            std::any_of(skill->levels.begin(), skill->levels.end(), [&](const SkillLevelDescription& level) {
                return level.level == requirement.level && level.description == text;
            });
        if (!text.empty() && !catalogue_text) {
            comment(out, "  ", "  ", "  ", text);
        }
        if (skill != nullptr && !skill->levels.empty()) {
            out += "  # What each level of this skill means:\n";
            for (const auto& level : skill->levels) {
                if (level.description.empty()) {
                    continue;
                }
                const bool asked = requirement.level_stated && level.level == requirement.level;
                const std::string word = std::string(to_string(level.level)) + (asked ? " (asked)" : "");
                comment(out, "  ", "  " + word + ": ", "    ", level.description);
            }
        }
        const AssessedSkill* answer = answers.find_skill(requirement.skill_id);
        out += "  " + requirement.skill_id + ":\n";
        out += "    level: " + std::string(to_string(answer != nullptr ? answer->level : SkillLevel::none)) + "\n";
        out += answer != nullptr && !answer->evidence.empty()
                   ? "    evidence: " + yaml_double_quoted(answer->evidence) + "\n"
                   : std::string("    evidence:\n");
        out += answer != nullptr && answer->agreed ? "    agreed: " + std::string(to_string(*answer->agreed)) + "\n"
                                                   : std::string("    agreed:\n");
    }
    if (!target.criteria.empty()) {
        out += "\ncriteria:\n";
        for (const auto& criterion : target.criteria) {
            out += "\n";
            comment(out, "  ", "", "",
                    criterion.name + " (" +
                        (criterion.kind == CriterionKind::competence ? "competence" : "specialist skills") +
                        "): met, partly or not-met.");
            for (const auto& [heading, items] :
                 {std::pair{"Essential:", &criterion.essential}, std::pair{"Desirable:", &criterion.desirable}}) {
                if (items->empty()) {
                    continue;
                }
                out += std::string("  #   ") + heading + "\n";
                for (const auto& item : *items) {
                    comment(out, "  ", "  - ", "    ", item);
                }
            }
            const AssessedCriterion* answer = answers.find_criterion(criterion.id);
            const CriterionStatus status = answer != nullptr && answer->status != CriterionStatus::not_assessed
                                               ? answer->status
                                               : CriterionStatus::not_met;
            out += "  " + criterion.id + ":\n";
            out += "    status: " + std::string(to_string(status)) + "\n";
            out += answer != nullptr && !answer->evidence.empty()
                       ? "    evidence: " + yaml_double_quoted(answer->evidence) + "\n"
                       : std::string("    evidence:\n");
        }
    }
    return out;
}

}  // namespace ddat
