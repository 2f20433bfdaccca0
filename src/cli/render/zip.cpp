#include "cli/render/zip.hpp"

#include <array>
#include <limits>
#include <stdexcept>

namespace ddat::cli {

namespace {

constexpr std::array<std::uint32_t, 256> make_crc_table() {
    std::array<std::uint32_t, 256> table{};
    for (std::uint32_t n = 0; n < 256; ++n) {
        std::uint32_t c = n;
        for (int k = 0; k < 8; ++k) {
            c = (c & 1U) != 0 ? 0xEDB88320U ^ (c >> 1U) : c >> 1U;
        }
        table[n] = c;
    }
    return table;
}

constexpr std::array<std::uint32_t, 256> kCrcTable = make_crc_table();

// Numbers in zip headers are little-endian on every machine.
void put16(std::string& out, std::uint32_t value) {
    out += static_cast<char>(value & 0xFFU);
    out += static_cast<char>((value >> 8U) & 0xFFU);
}

void put32(std::string& out, std::uint32_t value) {
    put16(out, value & 0xFFFFU);
    put16(out, value >> 16U);
}

// MS-DOS date 1980-01-01 (day 1, month 1, year 0 from 1980) at 00:00:00.
constexpr std::uint32_t kDosTime = 0;
constexpr std::uint32_t kDosDate = (1U << 5U) | 1U;
constexpr std::uint32_t kVersion = 20;        // 2.0: what a reader needs for stored entries
constexpr std::uint32_t kUtf8Names = 0x0800;  // general purpose bit 11: names are UTF-8

std::uint32_t checked32(std::size_t value) {
    if (value > std::numeric_limits<std::uint32_t>::max()) {
        throw std::length_error("the spreadsheet is larger than 4 GiB, more than an xlsx file can hold here");
    }
    return static_cast<std::uint32_t>(value);
}

}  // namespace

std::uint32_t crc32(std::string_view data) {
    std::uint32_t c = 0xFFFFFFFFU;
    for (const char byte : data) {
        c = kCrcTable[(c ^ static_cast<unsigned char>(byte)) & 0xFFU] ^ (c >> 8U);
    }
    return c ^ 0xFFFFFFFFU;
}

void ZipWriter::add(std::string_view name, std::string_view content) {
    if (entries_.size() >= 0xFFFFU) {
        throw std::length_error("too many parts for a zip archive");
    }
    const Entry entry{std::string(name), crc32(content), checked32(content.size()), checked32(data_.size())};
    put32(data_, 0x04034b50U);  // local file header
    put16(data_, kVersion);
    put16(data_, kUtf8Names);
    put16(data_, 0);  // stored
    put16(data_, kDosTime);
    put16(data_, kDosDate);
    put32(data_, entry.crc);
    put32(data_, entry.size);  // compressed size: the same, stored
    put32(data_, entry.size);
    put16(data_, checked32(name.size()) & 0xFFFFU);
    put16(data_, 0);  // no extra field
    data_ += name;
    data_ += content;
    checked32(data_.size());
    entries_.push_back(entry);
}

std::string ZipWriter::finish() const {
    std::string out = data_;
    const std::uint32_t directory = checked32(out.size());
    for (const Entry& e : entries_) {
        put32(out, 0x02014b50U);  // central directory header
        put16(out, kVersion);     // made by: MS-DOS attributes, version 2.0
        put16(out, kVersion);
        put16(out, kUtf8Names);
        put16(out, 0);
        put16(out, kDosTime);
        put16(out, kDosDate);
        put32(out, e.crc);
        put32(out, e.size);
        put32(out, e.size);
        put16(out, static_cast<std::uint32_t>(e.name.size()));
        put16(out, 0);  // extra field
        put16(out, 0);  // comment
        put16(out, 0);  // disk number
        put16(out, 0);  // internal attributes
        put32(out, 0);  // external attributes
        put32(out, e.offset);
        out += e.name;
    }
    const std::uint32_t directory_size = checked32(out.size() - directory);
    put32(out, 0x06054b50U);  // end of central directory
    put16(out, 0);
    put16(out, 0);
    put16(out, static_cast<std::uint32_t>(entries_.size()));
    put16(out, static_cast<std::uint32_t>(entries_.size()));
    put32(out, directory_size);
    put32(out, directory);
    put16(out, 0);  // no comment
    return out;
}

}  // namespace ddat::cli
