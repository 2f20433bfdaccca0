#include "ddat/load/snapshot.hpp"

#include <cstring>
#include <unordered_set>

namespace ddat {

namespace {

// Bumped whenever the model or this encoding changes, so that old caches are ignored.
constexpr std::string_view kMagic = "DDATSNAP4";

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
        for (std::uint32_t i = 0; i < count && !failed_; ++i) {
            values.push_back(text());
        }
        return values;
    }
    template <typename T, typename F>
    std::vector<T> list(F&& read_one) {
        std::vector<T> values;
        const std::uint32_t count = u32();
        for (std::uint32_t i = 0; i < count && !failed_; ++i) {
            values.push_back(read_one());
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

}  // namespace

std::string_view snapshot_producer() {
    // DDAT_VERSION and DDAT_DECODER_ID come from the build (CMakeLists.txt): the decoder's
    // identity is a hash of the sources that read and check a framework.
    return "ddat " DDAT_VERSION " decoder " DDAT_DECODER_ID;
}

std::uint64_t content_hash(std::string_view bytes, std::uint64_t seed) {
    std::uint64_t hash = seed;
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return hash;
}

std::string write_snapshot(const Framework& f) {
    Writer w;
    w.text(std::string(snapshot_producer()));
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
    w.list(f.skills, [&](const Skill& x) {
        w.text(x.id);
        w.text(x.name);
        w.text(x.description);
        w.list(x.levels, [&](const SkillLevelDescription& l) {
            w.level(l.level);
            w.text(l.description);
        });
        w.texts(x.aliases);
        w.location(x.location);
    });
    w.list(f.roles, [&](const Role& r) {
        w.text(r.id);
        w.text(r.name);
        w.text(r.family_id);
        w.text(r.description);
        w.list(r.skills, [&](const RoleSkillDescription& s) {
            w.text(s.skill_id);
            w.text(s.description);
        });
        w.list(r.levels, [&](const RoleLevel& l) {
            w.text(l.id);
            w.text(l.name);
            w.texts(l.aliases);
            w.list(l.alias_locations, [&](const SourceLocation& at) { w.location(at); });
            w.text(l.role_id);
            w.text(l.pay_band);
            w.flag(l.senior_civil_service);
            w.flag(l.whole_role);
            w.text(l.track);
            w.text(l.description);
            w.list(l.responsibilities, [&](const ResponsibilitySection& s) {
                w.text(s.heading);
                w.texts(s.items);
            });
            w.list(l.requirements, [&](const Requirement& q) {
                w.text(q.skill_id);
                w.level(q.level);
                w.flag(q.level_stated);
                w.text(q.description);
                w.location(q.location);
            });
            w.list(l.criteria, [&](const Criterion& c) {
                w.text(c.id);
                w.text(c.name);
                w.flag(c.kind == CriterionKind::specialist_skills);
                w.texts(c.essential);
                w.texts(c.desirable);
                w.location(c.location);
            });
            w.location(l.location);
        });
        w.location(r.location);
    });
    w.texts(f.files);
    w.list(f.renamed_skills, [&](const SkillRename& x) {
        w.text(x.old_id);
        w.text(x.new_id);
        w.text(x.since);
    });
    return std::string(kMagic) + w.take();
}

std::optional<Framework> read_snapshot(std::string_view bytes) {
    Reader r(bytes);
    if (!r.expect(kMagic) || r.text() != snapshot_producer()) {
        return std::nullopt;  // not a snapshot, or one another ddat wrote: it may read files differently
    }
    Framework f;
    FrameworkMetadata& m = f.metadata;
    for (auto* text :
         {&m.title, &m.publisher, &m.published, &m.version, &m.source, &m.licence, &m.licence_url, &m.attribution}) {
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
    f.skills = r.list<Skill>([&] {
        Skill x;
        x.id = r.text();
        x.name = r.text();
        x.description = r.text();
        x.levels = r.list<SkillLevelDescription>([&] {
            SkillLevelDescription l;
            l.level = r.level();
            l.description = r.text();
            return l;
        });
        x.aliases = r.texts();
        x.location = r.location();
        return x;
    });
    f.roles = r.list<Role>([&] {
        Role x;
        x.id = r.text();
        x.name = r.text();
        x.family_id = r.text();
        x.description = r.text();
        x.skills = r.list<RoleSkillDescription>([&] {
            RoleSkillDescription s;
            s.skill_id = r.text();
            s.description = r.text();
            return s;
        });
        x.levels = r.list<RoleLevel>([&] {
            RoleLevel l;
            l.id = r.text();
            l.name = r.text();
            l.aliases = r.texts();
            l.alias_locations = r.list<SourceLocation>([&] { return r.location(); });
            l.role_id = r.text();
            l.pay_band = r.text();
            l.senior_civil_service = r.flag();
            l.whole_role = r.flag();
            l.track = r.text();
            l.description = r.text();
            l.responsibilities = r.list<ResponsibilitySection>([&] {
                ResponsibilitySection s;
                s.heading = r.text();
                s.items = r.texts();
                return s;
            });
            l.requirements = r.list<Requirement>([&] {
                Requirement q;
                q.skill_id = r.text();
                q.level = r.level();
                q.level_stated = r.flag();
                q.description = r.text();
                q.location = r.location();
                return q;
            });
            l.criteria = r.list<Criterion>([&] {
                Criterion c;
                c.id = r.text();
                c.name = r.text();
                c.kind = r.flag() ? CriterionKind::specialist_skills : CriterionKind::competence;
                c.essential = r.texts();
                c.desirable = r.texts();
                c.location = r.location();
                return c;
            });
            l.location = r.location();
            return l;
        });
        x.location = r.location();
        return x;
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
        return std::nullopt;
    }
    // Every reference must hold, as in a framework that loaded: else the bytes are not ours.
    std::unordered_set<std::string_view> skill_ids;
    skill_ids.reserve(f.skills.size());
    for (const auto& skill : f.skills) {
        skill_ids.insert(skill.id);
    }
    for (const auto& role : f.roles) {
        if (f.find_family(role.family_id) == nullptr) {
            return std::nullopt;
        }
        for (const auto& level : role.levels) {
            if (level.role_id != role.id || level.aliases.size() != level.alias_locations.size()) {
                return std::nullopt;
            }
            for (const auto& requirement : level.requirements) {
                if (!skill_ids.contains(requirement.skill_id)) {
                    return std::nullopt;
                }
            }
        }
    }
    return f;
}

}  // namespace ddat
