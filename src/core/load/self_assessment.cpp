#include "ddat/load/self_assessment.hpp"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <set>
#include <unordered_set>

#include "ddat/resolve.hpp"
#include "ddat/text.hpp"
#include "parse/decoder.hpp"
#include "parse/yaml_tree.hpp"

namespace ddat {

namespace {

constexpr std::string_view kLevelHelp =
    "use awareness, working, practitioner or expert, a number from 0 (none) to 4 (expert), or none";

class AssessmentDecoder {
public:
    AssessmentDecoder(const std::string& file, const Framework& framework, std::vector<Diagnostic>& problems,
                      std::vector<Diagnostic>& warnings)
        : d_(file, problems), framework_(framework), warnings_(warnings) {}

    SelfAssessment decode(const yaml::Node& root) {
        SelfAssessment a;
        a.file = d_.file();
        if (root.is_null()) {
            d_.problem(root,
                       "the self-assessment is empty: it needs a 'skills:' mapping of skill to level "
                       "(see 'ddat gap --help')");
            return a;
        }
        if (!d_.expect_mapping(root, "a self-assessment")) {
            return a;
        }
        // The commonest slip: skill lines written at the left margin, under an empty 'skills:'.
        if (const auto* skills = root.find("skills"); skills == nullptr || skills->is_null()) {
            for (std::size_t i = 0; i < root.entry_count(); ++i) {
                const yaml::Node& key = root.key(i);
                if (key.is_scalar() && find_named(key.value) != nullptr) {
                    d_.problem(key, "'" + key.value +
                                        "' is a skill, but it is not under 'skills:': indent each skill by two spaces "
                                        "under 'skills:'");
                    return a;
                }
            }
        }
        d_.check_keys(root, "a self-assessment", {"name", "date", "current", "target", "skills", "criteria"},
                      {"skills"});
        a.name = d_.optional_text(root, "name", "'name'");
        a.date = date(root);
        a.current_level_id = level_reference(root, "current");
        a.target_level_id = level_reference(root, "target");
        if (const auto* skills = root.find("skills");
            skills != nullptr && !skills->is_null() && d_.expect_mapping(*skills, "'skills'")) {
            d_.check_unique_keys(*skills, "'skills'");
            for (std::size_t i = 0; i < skills->entry_count(); ++i) {
                skill(skills->key(i), skills->value_at(i), a);
            }
        }
        if (const auto* criteria = root.find("criteria");
            criteria != nullptr && !criteria->is_null() && d_.expect_mapping(*criteria, "'criteria'")) {
            d_.check_unique_keys(*criteria, "'criteria'");
            seen_keys_.clear();
            for (std::size_t i = 0; i < criteria->entry_count(); ++i) {
                criterion(criteria->key(i), criteria->value_at(i), a);
            }
        }
        return a;
    }

private:
    // 'date:' as a calendar date YYYY-MM-DD, or empty.
    std::string date(const yaml::Node& root) {
        const auto* node = root.find("date");
        if (node == nullptr || node->is_null()) {
            return {};
        }
        const auto text = d_.text(*node, "'date'");
        if (!text) {
            return {};
        }
        const std::string& t = *text;
        const auto digits = [&](std::size_t from, std::size_t n) {
            return std::all_of(t.begin() + static_cast<long>(from), t.begin() + static_cast<long>(from + n),
                               [](char c) { return c >= '0' && c <= '9'; });
        };
        bool valid = t.size() == 10 && digits(0, 4) && t[4] == '-' && digits(5, 2) && t[7] == '-' && digits(8, 2);
        if (valid) {
            const int month = std::stoi(t.substr(5, 2));
            const int day = std::stoi(t.substr(8, 2));
            valid = month >= 1 && month <= 12 && day >= 1 && day <= 31;
        }
        if (!valid) {
            d_.problem(*node, "'date' is not a date: write it as YYYY-MM-DD, such as 2026-03-31");
            return {};
        }
        return t;
    }

    // A level word or number at node, for the skill named key; nullopt (and a problem) otherwise.
    std::optional<SkillLevel> level_at(const yaml::Node& node, const std::string& what) {
        if (!node.is_scalar()) {
            d_.problem(node, what + " must be a level word or number, not " + std::string(yaml::describe(node)) + ": " +
                                 std::string(kLevelHelp));
            return std::nullopt;
        }
        const auto level = parse_skill_level(node.value);
        if (!level) {
            const std::string near = nearest_level_word(node.value);
            d_.problem(node, what + " is not a skill level: " +
                                 (near.empty() ? std::string(kLevelHelp)
                                               : "did you mean '" + near + "'? (" + std::string(kLevelHelp) + ")"));
        }
        return level;
    }

    std::string level_reference(const yaml::Node& root, std::string_view key) {
        const auto* node = root.find(key);
        if (node == nullptr || node->is_null()) {
            return {};
        }
        const auto text = d_.text(*node, "'" + std::string(key) + "'");
        if (!text) {
            return {};
        }
        try {
            return resolve_level(framework_, *text).id;
        } catch (const NotFoundError& error) {
            std::string message = "'" + std::string(key) + "' names an unknown role level";
            if (!error.suggestions().empty()) {
                message += ": did you mean '" + error.suggestions().front() + "'?";
            } else {
                message += ": 'ddat roles list' shows them";
            }
            d_.problem(*node, message);
            return {};
        }
    }

    // The rename of a skill an earlier release knew by this id or name, if any.
    const SkillRename* find_rename(const std::string& name) const {
        const std::string slug = slugify(name);
        for (const auto& rename : framework_.renamed_skills()) {
            if (rename.old_id == slug || rename.old_id == name) {
                return &rename;
            }
        }
        return nullptr;
    }

    // False for a key that is not text or was written before: check_unique_keys reports those.
    bool first_time(const yaml::Node& key) { return key.is_scalar() && seen_keys_.insert(key.value).second; }

    void skill(const yaml::Node& key, const yaml::Node& value, SelfAssessment& a) {
        if (!first_time(key)) {
            return;
        }
        const Skill* known = find_named(key.value);
        const SkillRename* renamed = known == nullptr ? find_rename(key.value) : nullptr;
        if (renamed != nullptr) {
            known = framework_.find_skill(renamed->new_id);
        }
        if (known == nullptr && (to_lower(key.value) == "evidence" || to_lower(key.value) == "level")) {
            d_.problem(key, "'" + key.value +
                                "' is not a skill: indent it under the skill it belongs to, as "
                                "'level:' and 'evidence:' of that skill");
            return;
        }
        AssessedSkill s;
        s.location = d_.location(key);
        const yaml::Node* level_node = &value;
        const yaml::Node* agreed_node = nullptr;
        if (value.is_mapping()) {
            d_.check_keys(value, "a skill entry", {"level", "agreed", "evidence"}, {"level"});
            level_node = value.find("level");
            agreed_node = value.find("agreed");
            s.evidence = d_.optional_text(value, "evidence", "'evidence'");
        }
        if (level_node == nullptr) {
            return;
        }
        const auto level = level_at(*level_node, "the level of '" + key.value + "'");
        if (!level) {
            return;
        }
        s.level = *level;
        if (agreed_node != nullptr && !agreed_node->is_null()) {
            const auto agreed = level_at(*agreed_node, "the agreed level of '" + key.value + "'");
            if (!agreed) {
                return;
            }
            s.agreed = *agreed;
            s.agreed_location = d_.location(*agreed_node);
        }
        if (known == nullptr) {
            if (skill_ids_.empty()) {
                for (const auto& skill : framework_.skills()) {
                    skill_ids_.push_back(skill.id);
                }
            }
            const auto near = suggestions_.nearest(slugify(key.value), skill_ids_, 1);
            warnings_.push_back(
                {s.location, "unknown skill '" + key.value + "'" +
                                 (near.empty() ? std::string() : ", did you mean '" + near.front() + "'?") +
                                 " (left out)"});
            return;
        }
        s.skill_id = known->id;
        if (renamed != nullptr) {
            a.notes.push_back({s.location, "'" + renamed->old_id + "' is '" + known->name + "' since " +
                                               renamed->since + ": read as '" + known->id + "'"});
        }
        if (const AssessedSkill* earlier = a.find_skill(known->id)) {
            d_.problem(key, "the skill '" + known->id + "' is assessed twice, at lines " +
                                std::to_string(earlier->location.line) + " and " + std::to_string(key.line) +
                                ": keep one");
            return;
        }
        a.skills.push_back(std::move(s));
    }

    void criterion(const yaml::Node& key, const yaml::Node& value, SelfAssessment& a) {
        if (!first_time(key)) {
            return;
        }
        AssessedCriterion c;
        c.location = d_.location(key);
        const yaml::Node* status_node = &value;
        if (value.is_mapping()) {
            d_.check_keys(value, "a criterion entry", {"status", "evidence"}, {"status"});
            status_node = value.find("status");
            c.evidence = d_.optional_text(value, "evidence", "'evidence'");
        }
        if (status_node == nullptr) {
            return;
        }
        const auto status = status_node->is_scalar() ? parse_criterion_status(status_node->value) : std::nullopt;
        if (!status) {
            d_.problem(*status_node, "the status of '" + key.value + "' must be met, partly or not-met");
            return;
        }
        c.status = *status;
        // A criterion by id, or by name in any letter case.
        std::string id;
        std::vector<std::string> ids;
        const std::string lower = to_lower(trim(key.value));
        for (const RoleLevel* level : framework_.all_levels()) {
            for (const auto& criterion : level->criteria) {
                ids.push_back(criterion.id);
                if (id.empty() && (criterion.id == key.value || to_lower(criterion.name) == lower)) {
                    id = criterion.id;
                }
            }
        }
        if (id.empty()) {
            const auto near = suggestions_.nearest(slugify(key.value), ids, 1);
            warnings_.push_back(
                {c.location, "unknown criterion '" + key.value + "'" +
                                 (near.empty() ? std::string() : ", did you mean '" + near.front() + "'?") +
                                 " (left out)"});
            return;
        }
        if (const AssessedCriterion* earlier = a.find_criterion(id)) {
            d_.problem(key, "the criterion '" + id + "' is assessed twice, at lines " +
                                std::to_string(earlier->location.line) + " and " + std::to_string(key.line) +
                                ": keep one");
            return;
        }
        c.criterion_id = id;
        a.criteria.push_back(std::move(c));
    }

    Decoder d_;
    const Framework& framework_;
    std::vector<Diagnostic>& warnings_;
    std::unordered_set<std::string> seen_keys_;
    // "Did you mean" for unknown skills and criteria, bounded: a file may name 100,000 of them.
    SuggestionBudget suggestions_;
    std::vector<std::string> skill_ids_;
    std::optional<SkillNameIndex> skill_index_;

    std::size_t lookups_ = 0;

    // The skill of this name. The first few are looked up one by one, as a self-assessment names
    // a dozen skills and an index costs more to build than that; past that, a hostile file may
    // name thousands, and an index answers each in constant time.
    const Skill* find_named(const std::string& name) {
        if (++lookups_ <= 32) {
            return find_skill_by_name(framework_, name);
        }
        if (!skill_index_) {
            skill_index_.emplace(framework_);
        }
        return skill_index_->find(name);
    }
};

}  // namespace

SelfAssessment parse_self_assessment(std::string_view text, const std::string& file, const Framework& framework,
                                     std::vector<Diagnostic>& warnings) {
    yaml::Node root = yaml::parse(text, file, yaml::Limits{kMaxAssessmentFileBytes, 20, 100000});
    // Its own keys are read in any letter case, as skill names are ("Name:", "Skills:").
    if (root.is_mapping()) {
        for (std::size_t i = 0; i < root.items.size(); i += 2) {
            yaml::Node& key = root.items[i];
            if (const std::string lower = to_lower(key.value);
                key.is_scalar() && (lower == "name" || lower == "current" || lower == "target" || lower == "skills" ||
                                    lower == "criteria")) {
                key.value = lower;
            }
        }
    }
    std::vector<Diagnostic> problems;
    std::vector<Diagnostic> found_warnings;
    AssessmentDecoder decoder(file, framework, problems, found_warnings);
    SelfAssessment assessment = decoder.decode(root);
    warnings.insert(warnings.end(), found_warnings.begin(), found_warnings.end());
    if (!problems.empty()) {
        std::stable_sort(problems.begin(), problems.end(), [](const Diagnostic& x, const Diagnostic& y) {
            return std::pair(x.location.line, x.location.column) < std::pair(y.location.line, y.location.column);
        });
        throw InputError(std::move(problems));
    }
    return assessment;
}

SelfAssessment load_self_assessment(const std::string& path, const Framework& framework,
                                    std::vector<Diagnostic>& warnings) {
    return parse_self_assessment(yaml::read_file(path, kMaxAssessmentFileBytes), path, framework, warnings);
}

}  // namespace ddat
