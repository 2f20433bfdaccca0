#include "ddat/load/snapshot.hpp"

#include <algorithm>
#include <cstring>
#include <type_traits>
#include <utility>

#include "ddat/errors.hpp"
#include "ddat/resolve.hpp"

namespace ddat {

namespace {

// The role of the level that resolve_level finds first for a name written exactly as an id, or
// else exactly as an alias, in framework order; nullopt for any other spelling. It saves
// finishing the outline (building its lookup tables) for the usual case.
std::optional<std::string> role_of_exact_level_name(const FrameworkData& f, std::string_view name) {
    for (const auto& role : f.roles) {
        for (const auto& level : role.levels) {
            if (level.id == name) {
                return level.role_id;
            }
        }
    }
    for (const auto& role : f.roles) {
        for (const auto& level : role.levels) {
            if (std::find(level.aliases.begin(), level.aliases.end(), name) != level.aliases.end()) {
                return level.role_id;
            }
        }
    }
    return std::nullopt;
}

// Bumped whenever the model or this encoding changes, so that old caches are ignored.
constexpr std::string_view kMagic = "DDATSNAP5";

// Numbers are written least significant byte first on every machine.
class Writer {
public:
    void u32(std::uint32_t value) {
        for (int shift = 0; shift < 32; shift += 8) {
            out_ += static_cast<char>((value >> shift) & 0xFFU);
        }
    }
    void text(const std::string& value) {
        u32(static_cast<std::uint32_t>(value.size()));
        out_ += value;
    }
    void flag(bool value) { out_ += value ? '\1' : '\0'; }
    void level(SkillLevel value) { out_ += static_cast<char>(value); }
    void location(const SourceLocation& value) {
        text(value.file);
        u32(static_cast<std::uint32_t>(value.line));
        u32(static_cast<std::uint32_t>(value.column));
    }
    void texts(const std::vector<std::string>& values) {
        u32(static_cast<std::uint32_t>(values.size()));
        for (const auto& value : values) {
            text(value);
        }
    }
    template <typename T, typename F>
    void list(const std::vector<T>& values, F&& write_one) {
        u32(static_cast<std::uint32_t>(values.size()));
        for (const auto& value : values) {
            write_one(value);
        }
    }
    [[nodiscard]] std::size_t size() const { return out_.size(); }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
};

// Reads what Writer wrote; any overrun marks the whole read failed.
class Reader {
public:
    explicit Reader(std::string_view bytes) : bytes_(bytes) {}

    std::uint32_t u32() {
        if (!take(4)) {
            return 0;
        }
        std::uint32_t value = 0;
        for (std::size_t i = 0; i < 4; ++i) {
            value |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes_[at_ - 4 + i])) << (8 * i);
        }
        return value;
    }
    std::string text() {
        const std::uint32_t size = u32();
        if (!take(size)) {
            return {};
        }
        return std::string(bytes_.substr(at_ - size, size));
    }
    bool flag() { return take(1) && bytes_[at_ - 1] != '\0'; }
    SkillLevel level() {
        if (!take(1)) {
            return SkillLevel::none;
        }
        const auto value = static_cast<unsigned char>(bytes_[at_ - 1]);
        if (value > 4) {
            failed_ = true;
            return SkillLevel::none;
        }
        return static_cast<SkillLevel>(value);
    }
    SourceLocation location() {
        SourceLocation value;
        value.file = text();
        value.line = static_cast<int>(u32());
        value.column = static_cast<int>(u32());
        return value;
    }
    std::vector<std::string> texts() {
        std::vector<std::string> values;
        const std::uint32_t count = u32();
        if (count > bytes_.size() - at_) {
            failed_ = true;
            return values;
        }
        values.reserve(count);
        for (std::uint32_t i = 0; i < count && !failed_; ++i) {
            values.push_back(text());
        }
        return values;
    }
    template <typename T, typename F>
    std::vector<T> list(F&& read_one) {
        std::vector<T> values;
        const std::uint32_t count = u32();
        // every item takes at least one byte: a count beyond the bytes left is damage, not a
        // reason to reserve gigabytes
        if (count > bytes_.size() - at_) {
            failed_ = true;
            return values;
        }
        values.reserve(count);
        for (std::uint32_t i = 0; i < count && !failed_; ++i) {
            if constexpr (std::is_invocable_v<F, T&>) {
                read_one(values.emplace_back());  // filled in place: a large part is not moved
            } else {
                values.push_back(read_one());
            }
        }
        return values;
    }
    bool expect(std::string_view literal) {
        if (!take(literal.size()) || bytes_.substr(at_ - literal.size(), literal.size()) != literal) {
            failed_ = true;
        }
        return !failed_;
    }
    [[nodiscard]] bool done() const { return !failed_ && at_ == bytes_.size(); }
    [[nodiscard]] bool failed() const { return failed_; }
    void fail() { failed_ = true; }
    // The next `size` bytes, skipped over.
    std::string_view bytes(std::size_t size) {
        return take(size) ? bytes_.substr(at_ - size, size) : std::string_view();
    }

private:
    bool take(std::size_t size) {
        if (failed_ || bytes_.size() - at_ < size) {
            failed_ = true;
            return false;
        }
        at_ += size;
        return true;
    }

    std::string_view bytes_;
    std::size_t at_ = 0;
    bool failed_ = false;
};

// Where a section lies among the sections that follow the index.
struct Span {
    std::uint32_t offset = 0;
    std::uint32_t size = 0;
};

void write_span(Writer& w, Span span) {
    w.u32(span.offset);
    w.u32(span.size);
}

Span read_span(Reader& r) {
    Span span;
    span.offset = r.u32();
    span.size = r.u32();
    return span;
}

}  // namespace

std::string_view snapshot_producer() {
    // DDAT_VERSION and DDAT_DECODER_ID come from the build (CMakeLists.txt): the decoder's
    // identity is a hash of the sources that read and check a framework.
    return "ddat " DDAT_VERSION " decoder " DDAT_DECODER_ID;
}

std::uint64_t content_hash(std::string_view bytes, std::uint64_t seed) {
    constexpr std::uint64_t kPrime = 0x9E3779B97F4A7C15ULL;
    std::uint64_t hash = seed ^ (bytes.size() * kPrime);
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());  // NOLINT: bytes read as bytes
    std::size_t left = bytes.size();
    for (; left >= 8; left -= 8, p += 8) {
        std::uint64_t word = 0;
        for (int i = 0; i < 8; ++i) {
            word |= static_cast<std::uint64_t>(p[i]) << (8 * i);  // one load on a little-endian machine
        }
        hash = (hash ^ word) * kPrime;
        hash ^= hash >> 29;
    }
    for (; left > 0; --left, ++p) {
        hash ^= *p;
        hash *= 1099511628211ULL;
    }
    hash ^= hash >> 32;
    hash *= kPrime;
    return hash ^ (hash >> 29);
}

std::string write_snapshot(const Framework& framework) {
    const FrameworkData& f = framework.data();
    Writer index;
    Writer sections;
    const auto section = [&sections](auto&& write) {
        const std::size_t start = sections.size();
        write(sections);
        return Span{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(sections.size() - start)};
    };
    Writer& w = index;
    const FrameworkMetadata& m = f.metadata;
    for (const auto* text :
         {&m.title, &m.publisher, &m.published, &m.version, &m.source, &m.licence, &m.licence_url, &m.attribution}) {
        w.text(*text);
    }
    w.list(m.corrections, [&](const TextCorrection& c) {
        w.text(c.phrase);
        w.text(c.replacement);
        w.text(c.reason);
        w.u32(static_cast<std::uint32_t>(c.count));
    });
    w.list(f.families, [&](const Family& x) {
        w.text(x.id);
        w.text(x.name);
        w.text(x.description);
        w.location(x.location);
    });
    // The skills: the outline in the index, each skill's texts in its own section.
    std::vector<std::string_view> skill_ids;
    skill_ids.reserve(f.skills.size());
    w.list(f.skills, [&](const Skill& x) {
        skill_ids.push_back(x.id);
        w.text(x.id);
        w.text(x.name);
        w.texts(x.aliases);
        write_span(w, section([&](Writer& s) {
                       s.text(x.description);
                       s.list(x.levels, [&](const SkillLevelDescription& l) {
                           s.level(l.level);
                           s.text(l.description);
                       });
                       s.location(x.location);
                   }));
    });
    // A requirement names its skill by its place in the catalogue.
    const auto skill_index = [&](const std::string& id) {
        const auto found = std::find(skill_ids.begin(), skill_ids.end(), id);
        return static_cast<std::uint32_t>(found == skill_ids.end() ? skill_ids.size() : found - skill_ids.begin());
    };
    // The roles: the outline in the index; each role's requirements, and its texts, in a section each.
    w.list(f.roles, [&](const Role& r) {
        w.text(r.id);
        w.text(r.name);
        w.text(r.family_id);
        w.list(r.levels, [&](const RoleLevel& l) {
            w.text(l.id);
            w.text(l.name);
            w.texts(l.aliases);
            w.text(l.pay_band);
            w.flag(l.senior_civil_service);
            w.flag(l.whole_role);
            w.text(l.track);
        });
        write_span(w, section([&](Writer& s) {
                       for (const RoleLevel& l : r.levels) {
                           s.list(l.requirements, [&](const Requirement& q) {
                               s.u32(skill_index(q.skill_id));
                               s.level(q.level.value_or(SkillLevel::none));
                               s.flag(q.level.has_value());
                           });
                           s.list(l.criteria, [&](const Criterion& c) {
                               s.text(c.id);
                               s.text(c.name);
                               s.flag(c.kind == CriterionKind::specialist_skills);
                               s.texts(c.essential);
                               s.texts(c.desirable);
                               s.location(c.location);
                           });
                       }
                   }));
        write_span(w, section([&](Writer& s) {
                       s.text(r.description);
                       s.list(r.skills, [&](const RoleSkillDescription& x) {
                           s.text(x.skill_id);
                           s.text(x.description);
                       });
                       s.location(r.location);
                       for (const RoleLevel& l : r.levels) {
                           s.list(l.alias_locations, [&](const SourceLocation& at) { s.location(at); });
                           s.text(l.description);
                           s.list(l.responsibilities, [&](const ResponsibilitySection& x) {
                               s.text(x.heading);
                               s.texts(x.items);
                           });
                           s.list(l.requirements, [&](const Requirement& q) {
                               s.text(q.description);
                               s.location(q.location);
                           });
                           s.location(l.location);
                       }
                   }));
    });
    w.texts(f.files);
    w.list(f.renamed_skills, [&](const SkillRename& x) {
        w.text(x.old_id);
        w.text(x.new_id);
        w.text(x.since);
    });
    Writer head;
    head.text(std::string(snapshot_producer()));
    head.u32(static_cast<std::uint32_t>(index.size()));
    head.u32(static_cast<std::uint32_t>(sections.size()));
    return std::string(kMagic) + head.take() + index.take() + sections.take();
}

namespace {

// Reads a snapshot's index, then the sections the scope asks for; the first problem found ends
// the read.
class SnapshotReader {
public:
    SnapshotReader(std::string_view bytes, LoadScope scope) : whole_(bytes), scope_(std::move(scope)) {}

    std::optional<Framework> read(std::string* problem) {
        std::optional<Framework> framework = read_all();
        if (!framework && problem != nullptr) {
            *problem = problem_;
        }
        return framework;
    }

private:
    struct Place {
        Span requirements;
        Span texts;
    };

    bool refuse(std::string why) {
        if (problem_.empty()) {
            problem_ = std::move(why);
        }
        return false;
    }

    // The bytes of a section, or refuses when it lies outside the snapshot.
    std::optional<std::string_view> section(Span span, const std::string& what) {
        if (span.offset > sections_.size() || sections_.size() - span.offset < span.size) {
            refuse(what + " lies outside the snapshot (truncated)");
            return std::nullopt;
        }
        return sections_.substr(span.offset, span.size);
    }

    std::optional<Framework> read_all() {
        Reader r(whole_);
        if (!r.expect(kMagic)) {
            refuse("not a snapshot of this version of ddat");
            return std::nullopt;
        }
        if (r.text() != snapshot_producer()) {
            // another ddat wrote it: it may read files differently
            refuse("written by another build of ddat");
            return std::nullopt;
        }
        const std::uint32_t index_size = r.u32();
        const std::uint32_t sections_size = r.u32();
        const std::string_view index = r.bytes(index_size);
        sections_ = r.bytes(sections_size);
        if (r.failed()) {
            refuse("truncated: it ends before its sections do");
            return std::nullopt;
        }
        if (!r.done()) {
            refuse("damaged: bytes follow its last section");
            return std::nullopt;
        }
        FrameworkData f;
        std::vector<Span> skill_texts;
        std::vector<Place> places;
        if (!read_index(index, f, skill_texts, places)) {
            return std::nullopt;
        }
        if (!scope_.role_of_level.empty()) {
            if (const auto role_id = role_of_exact_level_name(f, scope_.role_of_level)) {
                scope_ = scope_.with(LoadScope::role(*role_id));
                scope_.role_of_level.clear();
            } else {
                // Another spelling: the outline, finished to resolve the name in as the command
                // will, then taken apart again to read the rest.
                Framework outline = finish_framework(std::move(f), LoadScope::outline());
                scope_ = resolve_role_of_level(outline, std::move(scope_));
                f = std::move(outline).take_data();
            }
        }
        wanted_skills_.assign(f.skills.size(), false);
        for (std::size_t i = 0; i < f.roles.size(); ++i) {
            Role& role = f.roles[i];
            const bool texts = scope_.has_role_texts(role.id);
            if ((texts || scope_.requirements) && !read_requirements(role, places[i].requirements, f.skills, texts)) {
                return std::nullopt;
            }
            if (texts && !read_role_texts(role, places[i].texts)) {
                return std::nullopt;
            }
        }
        for (std::size_t i = 0; i < f.skills.size(); ++i) {
            if ((scope_.every_skill_text || wanted_skills_[i]) && !read_skill_texts(f.skills[i], skill_texts[i])) {
                return std::nullopt;
            }
        }
        return finish_framework(std::move(f), scope_);
    }

    bool read_index(std::string_view index, FrameworkData& f, std::vector<Span>& skill_texts,
                    std::vector<Place>& places) {
        Reader r(index);
        FrameworkMetadata& m = f.metadata;
        for (auto* text : {&m.title, &m.publisher, &m.published, &m.version, &m.source, &m.licence, &m.licence_url,
                           &m.attribution}) {
            *text = r.text();
        }
        m.corrections = r.list<TextCorrection>([&] {
            TextCorrection c;
            c.phrase = r.text();
            c.replacement = r.text();
            c.reason = r.text();
            c.count = static_cast<int>(r.u32());
            return c;
        });
        f.families = r.list<Family>([&] {
            Family x;
            x.id = r.text();
            x.name = r.text();
            x.description = r.text();
            x.location = r.location();
            return x;
        });
        f.skills = r.list<Skill>([&](Skill& x) {
            x.id = r.text();
            x.name = r.text();
            x.aliases = r.texts();
            skill_texts.push_back(read_span(r));
        });
        f.roles = r.list<Role>([&](Role& x) {
            x.id = r.text();
            x.name = r.text();
            x.family_id = r.text();
            x.levels = r.list<RoleLevel>([&](RoleLevel& l) {
                l.id = r.text();
                l.name = r.text();
                l.aliases = r.texts();
                l.role_id = x.id;
                l.pay_band = r.text();
                l.senior_civil_service = r.flag();
                l.whole_role = r.flag();
                l.track = r.text();
            });
            Place place;
            place.requirements = read_span(r);
            place.texts = read_span(r);
            places.push_back(place);
        });
        f.files = r.texts();
        f.renamed_skills = r.list<SkillRename>([&] {
            SkillRename x;
            x.old_id = r.text();
            x.new_id = r.text();
            x.since = r.text();
            return x;
        });
        if (!r.done()) {
            return refuse("the index is damaged");
        }
        // Every reference must hold, as in a framework that loaded: else the bytes are not ours.
        for (const auto& role : f.roles) {
            if (std::none_of(f.families.begin(), f.families.end(),
                             [&](const Family& family) { return family.id == role.family_id; })) {
                return refuse("role '" + role.id + "' names a family the snapshot does not have");
            }
        }
        return true;
    }

    // Reads a role's requirements; with `texts`, marks the skills they require for their texts.
    bool read_requirements(Role& role, Span span, const std::vector<Skill>& skills, bool texts) {
        const std::string what = "the requirements of role '" + role.id + "'";
        const auto bytes = section(span, what);
        if (!bytes) {
            return false;
        }
        Reader r(*bytes);
        for (RoleLevel& level : role.levels) {
            level.requirements = r.list<Requirement>([&](Requirement& q) {
                const std::uint32_t skill = r.u32();
                if (skill >= skills.size()) {
                    r.fail();
                    return;
                }
                q.skill_id = skills[skill].id;
                const SkillLevel stated = r.level();
                q.level = r.flag() ? std::optional(stated) : std::nullopt;
                if (texts) {
                    wanted_skills_[skill] = true;
                }
            });
            level.criteria = r.list<Criterion>([&] {
                Criterion c;
                c.id = r.text();
                c.name = r.text();
                c.kind = r.flag() ? CriterionKind::specialist_skills : CriterionKind::competence;
                c.essential = r.texts();
                c.desirable = r.texts();
                c.location = r.location();
                return c;
            });
        }
        return r.done() || refuse(what + " are damaged");
    }

    bool read_role_texts(Role& role, Span span) {
        const std::string what = "the texts of role '" + role.id + "'";
        const auto bytes = section(span, what);
        if (!bytes) {
            return false;
        }
        Reader r(*bytes);
        role.description = r.text();
        role.skills = r.list<RoleSkillDescription>([&] {
            RoleSkillDescription s;
            s.skill_id = r.text();
            s.description = r.text();
            return s;
        });
        role.location = r.location();
        for (RoleLevel& l : role.levels) {
            l.alias_locations = r.list<SourceLocation>([&] { return r.location(); });
            l.description = r.text();
            l.responsibilities = r.list<ResponsibilitySection>([&] {
                ResponsibilitySection s;
                s.heading = r.text();
                s.items = r.texts();
                return s;
            });
            std::size_t count = r.u32();
            if (r.failed()) {
                return refuse(what + " are damaged");
            }
            if (count != l.requirements.size() || l.aliases.size() != l.alias_locations.size()) {
                return refuse(what + " do not fit its index");
            }
            for (Requirement& q : l.requirements) {
                q.description = r.text();
                q.location = r.location();
            }
            l.location = r.location();
        }
        return r.done() || refuse(what + " are damaged");
    }

    bool read_skill_texts(Skill& skill, Span span) {
        const std::string what = "the texts of skill '" + skill.id + "'";
        const auto bytes = section(span, what);
        if (!bytes) {
            return false;
        }
        Reader r(*bytes);
        skill.description = r.text();
        skill.levels = r.list<SkillLevelDescription>([&] {
            SkillLevelDescription l;
            l.level = r.level();
            l.description = r.text();
            return l;
        });
        skill.location = r.location();
        return r.done() || refuse(what + " are damaged");
    }

    std::string_view whole_;
    std::string_view sections_;
    LoadScope scope_;  // role_of_level becomes a role in role_texts as the index is read
    std::string problem_;
    std::vector<bool> wanted_skills_;  // the skills whose texts the roles read with texts need
};

}  // namespace

std::optional<Framework> read_snapshot(std::string_view bytes, const LoadScope& scope, std::string* problem) {
    return SnapshotReader(bytes, scope).read(problem);
}

}  // namespace ddat
