#pragma once

// Internal to SnapshotReader, whose code is split over SnapshotReader.cpp (the entry point,
// errors and typed access), SnapshotReaderV7.cpp, SnapshotReaderV8.cpp and
// SnapshotReaderText.cpp (parsing, locating): what more than one of them uses.
// nlohmann/json is a private dependency, so only .cpp files of strata_models include this.

#include "SnapshotReader.h"

#include <QStringList>

#include <optional>
#include <string>

namespace strata::SnapshotReaderParts {

using Json = SnapshotReader::Json;
using Path = SnapshotReader::Path;

// Deeper than any snapshot nests (a default value is the deepest part, at about 8): the
// limit keeps recursive walks over hostile input off the end of the stack.
inline constexpr int maxDepth = 256;

Path child(const Path &path, const std::string &key);
Path child(const Path &path, int index);
QString qs(const std::string &text);
// "Expected a string, found an array."
QString wrongType(const QString &expected, const Json &found);
std::optional<ForeignKeyAction> actionFromText(const QString &text);

// What drizzle allows for a policy's "as" and "for" and a foreign key's actions.
extern const QStringList permissiveValues;
extern const QStringList commandValues;
extern const QStringList actionValues;

} // namespace strata::SnapshotReaderParts
