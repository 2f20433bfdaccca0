#include "ddat/write/framework_writer.hpp"

#include <cstdio>

namespace ddat {

namespace {

// True when a literal block ("|-") reads back as exactly this text.
bool fits_literal_block(const std::string& text) {
    if (text.find('\n') == std::string::npos || text.back() == '\n' || text.front() == ' ' || text.front() == '\n') {
        return false;
    }
    std::size_t line_start = 0;
    while (line_start <= text.size()) {
        std::size_t line_end = text.find('\n', line_start);
        if (line_end == std::string::npos) {
            line_end = text.size();
        }
        const std::string_view line(text.data() + line_start, line_end - line_start);
        if (!line.empty() && (line.back() == ' ' || line.back() == '\t')) {
            return false;
        }
        for (const char c : line) {
            const auto u = static_cast<unsigned char>(c);
            if ((u < 0x20 && c != '\t') || u == 0x7F || c == '\r') {
                return false;
            }
        }
        // U+0085, U+2028, U+2029 and U+FEFF, which a reader may take for line breaks or drop
        if (line.find("\xC2\x85") != std::string_view::npos || line.find("\xE2\x80\xA8") != std::string_view::npos ||
            line.find("\xE2\x80\xA9") != std::string_view::npos ||
            line.find("\xEF\xBB\xBF") != std::string_view::npos) {
            return false;
        }
        line_start = line_end + 1;
    }
    return true;
}

class Writer {
public:
    void line(int indent, const std::string& text) {
        out_ += std::string(static_cast<std::size_t>(indent), ' ') + text + "\n";
    }

    void field(int indent, const std::string& key, const std::string& value) {
        line(indent, key + ": " + yaml_scalar(value, indent + 2));
    }

    void optional_field(int indent, const std::string& key, const std::string& value) {
        if (!value.empty()) {
            field(indent, key, value);
        }
    }

    void text_list(int indent, const std::string& key, const std::vector<std::string>& items) {
        if (items.empty()) {
            return;
        }
        line(indent, key + ":");
        for (const auto& item : items) {
            line(indent + 2, "- " + yaml_scalar(item, indent + 4));
        }
    }

    std::string take() { return std::move(out_); }

private:
    std::string out_;
};

constexpr const char* kHeader = "# Written by ddat: the format is described in docs/framework-format.md of ddat.\n";

}  // namespace

std::string yaml_double_quoted(std::string_view text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        switch (c) {
            case '"': out += "\\\""; continue;
            case '\\': out += "\\\\"; continue;
            case '\n': out += "\\n"; continue;
            case '\t': out += "\\t"; continue;
            case '\r': out += "\\r"; continue;
            default: break;
        }
        if (c < 0x20 || c == 0x7F) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02X", static_cast<unsigned>(c));
            out += escaped;
            continue;
        }
        // U+0085 (next line), U+2028, U+2029 (line and paragraph separators) and U+FEFF would be
        // read as line breaks or dropped: write them as escapes.
        const std::string_view rest = text.substr(i);
        if (rest.substr(0, 2) == "\xC2\x85") {
            out += "\\u0085";
            i += 1;
            continue;
        }
        if (rest.substr(0, 3) == "\xE2\x80\xA8" || rest.substr(0, 3) == "\xE2\x80\xA9") {
            out += rest[2] == '\xA8' ? "\\u2028" : "\\u2029";
            i += 2;
            continue;
        }
        if (rest.substr(0, 3) == "\xEF\xBB\xBF") {
            out += "\\uFEFF";
            i += 2;
            continue;
        }
        out += static_cast<char>(c);
    }
    return out + "\"";
}

std::string yaml_scalar(const std::string& text, int indent) {
    if (!fits_literal_block(text)) {
        return yaml_double_quoted(text);
    }
    std::string block = "|-";
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) {
            end = text.size();
        }
        const std::string_view line(text.data() + start, end - start);
        block += "\n";
        if (!line.empty()) {
            block += pad;
            block += line;
        }
        start = end + 1;
    }
    return block;
}

std::vector<SourceFile> framework_to_yaml(const Framework& framework) {
    std::vector<SourceFile> files;
    {
        Writer w;
        const FrameworkMetadata& m = framework.metadata();
        w.line(0, "framework:");
        w.field(2, "title", m.title);
        w.optional_field(2, "publisher", m.publisher);
        w.optional_field(2, "published", m.published);
        w.optional_field(2, "version", m.version);
        w.optional_field(2, "source", m.source);
        w.optional_field(2, "licence", m.licence);
        w.optional_field(2, "licence_url", m.licence_url);
        w.optional_field(2, "attribution", m.attribution);
        if (!m.corrections.empty()) {
            w.line(2, "corrections:");
            for (const auto& correction : m.corrections) {
                w.line(4, "- phrase: " + yaml_scalar(correction.phrase, 8));
                w.field(6, "replacement", correction.replacement);
                w.field(6, "reason", correction.reason);
                w.line(6, "count: " + std::to_string(correction.count));
            }
        }
        w.line(0, "");
        w.line(0, framework.families().empty() ? "families: []" : "families:");  // "families:" alone reads as nothing
        for (const auto& family : framework.families()) {
            w.line(2, "- id: " + family.id);
            w.field(4, "name", family.name);
            w.optional_field(4, "description", family.description);
        }
        files.push_back({"framework.yaml", kHeader + w.take()});
    }
    {
        Writer w;
        w.line(0, framework.skills().empty() ? "skills: []" : "skills:");
        for (const auto& skill : framework.skills()) {
            w.line(2, "- id: " + skill.id);
            w.field(4, "name", skill.name);
            if (!skill.aliases.empty()) {
                std::string aliases;
                for (const auto& alias : skill.aliases) {
                    aliases += (aliases.empty() ? "" : ", ") + alias;
                }
                w.line(4, "aliases: [" + aliases + "]");
            }
            w.optional_field(4, "description", skill.description);
            if (!skill.levels.empty()) {
                w.line(4, "levels:");
                for (const auto& level : skill.levels) {
                    w.field(6, std::string(to_string(level.level)), level.description);
                }
            }
        }
        files.push_back({"skills.yaml", kHeader + w.take()});
    }
    for (const auto& role : framework.roles()) {
        Writer w;
        w.line(0, "roles:");
        w.line(2, "- id: " + role.id);
        w.field(4, "name", role.name);
        w.line(4, "family: " + role.family_id);
        w.optional_field(4, "description", role.description);
        if (!role.skills.empty()) {
            w.line(4, "skills:");
            for (const auto& skill : role.skills) {
                w.field(6, skill.skill_id, skill.description);
            }
        }
        w.line(4, "levels:");
        for (const auto& level : role.levels) {
            w.line(6, "- id: " + level.id);
            w.field(8, "name", level.name);
            if (!level.aliases.empty()) {
                std::string aliases;
                for (const auto& alias : level.aliases) {
                    aliases += (aliases.empty() ? "" : ", ") + alias;
                }
                w.line(8, "aliases: [" + aliases + "]");
            }
            w.optional_field(8, "pay_band", level.pay_band);
            if (level.senior_civil_service) {
                w.line(8, "senior_civil_service: true");
            }
            if (level.whole_role) {
                w.line(8, "whole_role: true");
            }
            w.optional_field(8, "track", level.track);
            w.optional_field(8, "description", level.description);
            if (!level.responsibilities.empty()) {
                w.line(8, "responsibilities:");
                for (const auto& section : level.responsibilities) {
                    if (section.heading.empty()) {
                        for (const auto& item : section.items) {
                            w.line(10, "- " + yaml_scalar(item, 12));
                        }
                    } else {
                        w.line(10, "- heading: " + yaml_scalar(section.heading, 14));
                        if (section.items.empty()) {
                            w.line(12, "items: []");  // required in a section, even when empty
                        }
                        w.text_list(12, "items", section.items);
                    }
                }
            }
            if (!level.requirements.empty()) {
                w.line(8, "requirements:");
                for (const auto& r : level.requirements) {
                    w.line(10, r.skill_id + ":");
                    w.line(12, "level: " + std::string(required_level_word(r)));
                    w.optional_field(12, "description", r.description);
                }
            }
            if (!level.criteria.empty()) {
                w.line(8, "criteria:");
                for (const auto& c : level.criteria) {
                    w.line(10, "- id: " + c.id);
                    w.field(12, "name", c.name);
                    w.field(12, "kind", std::string(to_string(c.kind)));
                    w.text_list(12, "essential", c.essential);
                    w.text_list(12, "desirable", c.desirable);
                }
            }
        }
        files.push_back({"roles/" + role.id + ".yaml", kHeader + w.take()});
    }
    return files;
}

}  // namespace ddat
