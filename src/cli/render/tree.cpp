#include "cli/render/tree.hpp"

#include <yaml-cpp/emitter.h>
#include <yaml-cpp/emittermanip.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <iterator>
#include <stdexcept>

namespace ddat::cli {

void write_json(std::ostream& out, const Json& value) {
    out << value.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

namespace {

// A value as write_json writes it, for a place `depth` levels deep in a document: every line
// after the first indented by two spaces a level (JSON text holds no raw line break).
void write_nested_json(std::ostream& out, const Json& value, int depth) {
    const std::string text = value.dump(2, ' ', false, Json::error_handler_t::replace);
    const std::string indent(static_cast<std::size_t>(2 * depth), ' ');
    std::size_t start = 0;
    for (std::size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
        out.write(text.data() + start, static_cast<std::streamsize>(end + 1 - start));
        out << indent;
        start = end + 1;
    }
    out.write(text.data() + start, static_cast<std::streamsize>(text.size() - start));
}

}  // namespace

JsonWriter::~JsonWriter() {
    try {
        flush();
    } catch (...) {  // NOLINT(bugprone-empty-catch): the stream keeps its failed state for its owner
    }
}

void JsonWriter::flush() {
    if (!pending_.empty()) {
        out_.write(pending_.data(), static_cast<std::streamsize>(pending_.size()));
        pending_.clear();
    }
}

void JsonWriter::put(std::string_view text) {
    pending_.append(text);
    if (pending_.size() >= kChunkBytes) {
        flush();
    }
}

void JsonWriter::indent(std::size_t levels) { pending_.append(2 * levels, ' '); }

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!counts_.empty()) {
        put(counts_.back()++ == 0 ? "\n" : ",\n");
        indent(static_cast<std::size_t>(base_depth_) + counts_.size());
    }
}

void JsonWriter::close(char bracket) {
    if (counts_.back() > 0) {
        pending_ += '\n';
        indent(static_cast<std::size_t>(base_depth_) + counts_.size() - 1);
    }
    put(std::string_view(&bracket, 1));
    counts_.pop_back();
}

void JsonWriter::open(char bracket) {
    before_value();
    put(std::string_view(&bracket, 1));
    counts_.push_back(0);
}

JsonWriter& JsonWriter::begin_object() {
    open('{');
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    close('}');
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    open('[');
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    close(']');
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    before_value();
    quoted(name);
    pending_ += ": ";
    after_key_ = true;
    return *this;
}

void JsonWriter::quoted(std::string_view value) {
    // the bytes JSON takes as they are: printable ASCII but the quote and the backslash
    static constexpr auto kPlain = [] {
        std::array<bool, 256> plain{};
        for (int byte = 0x20; byte < 0x7F; ++byte) {
            plain[static_cast<std::size_t>(byte)] = byte != '"' && byte != '\\';
        }
        return plain;
    }();
    const bool plain =
        std::all_of(value.begin(), value.end(), [](char c) { return kPlain[static_cast<unsigned char>(c)]; });
    if (plain) {
        pending_ += '"';
        pending_.append(value);
        pending_ += '"';
    } else {
        pending_ += Json(value).dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    if (pending_.size() >= kChunkBytes) {
        flush();
    }
}

JsonWriter& JsonWriter::text(std::string_view value) {
    before_value();
    quoted(value);
    return *this;
}

JsonWriter& JsonWriter::text_or_null(std::string_view value) {
    if (value.empty()) {
        before_value();
        put("null");
        return *this;
    }
    return text(value);
}

JsonWriter& JsonWriter::number(long long value) {
    before_value();
    char digits[24];
    const auto end = std::to_chars(std::begin(digits), std::end(digits), value).ptr;
    put(std::string_view(digits, static_cast<std::size_t>(end - digits)));
    return *this;
}

JsonWriter& JsonWriter::boolean(bool value) {
    before_value();
    put(value ? "true" : "false");
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    put("null");
    return *this;
}

JsonWriter& JsonWriter::value(const Json& value) {
    before_value();
    flush();
    write_nested_json(out_, value, base_depth_ + static_cast<int>(counts_.size()));
    return *this;
}

namespace {

void emit_yaml(YAML::Emitter& out, const Json& value) {
    switch (value.type()) {
        case Json::value_t::object:
            out << YAML::BeginMap;
            for (const auto& [key, item] : value.items()) {
                out << YAML::Key << key << YAML::Value;
                emit_yaml(out, item);
            }
            out << YAML::EndMap;
            break;
        case Json::value_t::array:
            out << YAML::BeginSeq;
            for (const auto& item : value) {
                emit_yaml(out, item);
            }
            out << YAML::EndSeq;
            break;
        case Json::value_t::string: out << YAML::DoubleQuoted << value.get<std::string>(); break;
        case Json::value_t::boolean: out << (value.get<bool>() ? "true" : "false"); break;
        case Json::value_t::number_integer: out << value.get<std::int64_t>(); break;
        case Json::value_t::number_unsigned: out << value.get<std::uint64_t>(); break;
        case Json::value_t::number_float: out << value.dump(); break;  // shortest form: 0.769
        default: out << YAML::Null; break;
    }
}

}  // namespace

void write_yaml(std::ostream& out, const Json& value) {
    YAML::Emitter emitter;
    emitter.SetIndent(2);
    emit_yaml(emitter, value);
    if (!emitter.good()) {
        throw std::runtime_error("cannot write YAML: " + emitter.GetLastError());
    }
    out << emitter.c_str() << '\n';
}

void write_yaml_streamed(std::ostream& out, const std::string& list_key,
                         const std::function<std::optional<Json>()>& next, const Json& rest) {
    YAML::Emitter emitter(out);
    emitter.SetIndent(2);
    emitter << YAML::BeginMap << YAML::Key << list_key << YAML::Value << YAML::BeginSeq;
    while (const std::optional<Json> item = next()) {
        emit_yaml(emitter, *item);
    }
    emitter << YAML::EndSeq;
    for (const auto& [key, item] : rest.items()) {
        emitter << YAML::Key << key << YAML::Value;
        emit_yaml(emitter, item);
    }
    emitter << YAML::EndMap;
    if (!emitter.good()) {
        throw std::runtime_error("cannot write YAML: " + emitter.GetLastError());
    }
    out << '\n';
}

}  // namespace ddat::cli
