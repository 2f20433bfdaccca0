#include "cli/render/tree.hpp"

#include <yaml-cpp/emitter.h>
#include <yaml-cpp/emittermanip.h>

#include <algorithm>
#include <cstdint>
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

void JsonWriter::indent(std::size_t levels) {
    static const std::string spaces(64, ' ');
    for (std::size_t n = 2 * levels; n > 0;) {
        const std::size_t now = std::min(n, spaces.size());
        out_.write(spaces.data(), static_cast<std::streamsize>(now));
        n -= now;
    }
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!counts_.empty()) {
        out_ << (counts_.back()++ == 0 ? "\n" : ",\n");
        indent(static_cast<std::size_t>(base_depth_) + counts_.size());
    }
}

void JsonWriter::close(char bracket) {
    if (counts_.back() > 0) {
        out_ << '\n';
        indent(static_cast<std::size_t>(base_depth_) + counts_.size() - 1);
    }
    out_ << bracket;
    counts_.pop_back();
}

void JsonWriter::open(char bracket) {
    before_value();
    out_ << bracket;
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
    out_ << ": ";
    after_key_ = true;
    return *this;
}

void JsonWriter::quoted(std::string_view value) {
    const bool plain = std::all_of(value.begin(), value.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte >= 0x20 && byte < 0x7F && c != '"' && c != '\\';
    });
    if (plain) {
        out_ << '"';
        out_.write(value.data(), static_cast<std::streamsize>(value.size()));
        out_ << '"';
    } else {
        out_ << Json(value).dump(-1, ' ', false, Json::error_handler_t::replace);
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
        out_ << "null";
        return *this;
    }
    return text(value);
}

JsonWriter& JsonWriter::number(long long value) {
    before_value();
    out_ << value;
    return *this;
}

JsonWriter& JsonWriter::value(const Json& value) {
    before_value();
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
