// A zip archive of stored (uncompressed) entries, for the parts of an xlsx workbook: written in
// memory, with a fixed timestamp, so that the same entries give the same bytes every time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ddat::cli {

// The CRC-32 (ISO 3309, as zip and PNG use it) of data.
std::uint32_t crc32(std::string_view data);

// Builds a zip archive entry by entry: each stored as it is, dated 1980-01-01 00:00 (the
// earliest date zip can hold), in the order added.
class ZipWriter {
public:
    // Adds a file. Names are paths inside the archive ("xl/workbook.xml"). Throws
    // std::length_error past zip's limits without ZIP64 (4 GiB in all, 65,535 entries).
    void add(std::string_view name, std::string_view content);

    // The archive: the entries, then the central directory that lists them.
    [[nodiscard]] std::string finish() const;

private:
    struct Entry {
        std::string name;
        std::uint32_t crc;
        std::uint32_t size;
        std::uint32_t offset;
    };
    std::string data_;
    std::vector<Entry> entries_;
};

}  // namespace ddat::cli
