// A framework as compact bytes: the built-in copy is compiled into the binary this way, and
// framework folders are cached this way, so that ddat starts without parsing YAML.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ddat/model.hpp"

namespace ddat {

// Who writes and reads snapshots: ddat's version and the identity of the code that reads and
// checks a framework folder. A snapshot another producer wrote is never used, so a cache made by
// an older ddat is read again from the files.
std::string_view snapshot_producer();

// The framework as bytes (numbers least significant byte first, on every machine) that
// read_snapshot turns back into an equal framework. The bytes are an index (the outline of
// LoadScope, and where each section lies) followed by sections: each role's requirements, each
// role's texts and each skill's texts, so that a reader reads only the sections it is asked for.
std::string write_snapshot(const Framework& framework);

// The part of the framework in a snapshot that the scope asks for, or nullopt for bytes that are
// not a whole snapshot of this version of ddat (a cache from another version, a truncated file, a
// section that is damaged or does not fit its index), with why in `problem` when given: never a
// partial framework, and never a read outside the bytes.
std::optional<Framework> read_snapshot(std::string_view bytes, const LoadScope& scope = LoadScope::whole(),
                                       std::string* problem = nullptr);

// A 64-bit hash of the bytes, continuing from `seed`: eight bytes at a time, read least
// significant first, so that it is the same on every machine.
std::uint64_t content_hash(std::string_view bytes, std::uint64_t seed = 14695981039346656037ULL);

}  // namespace ddat
