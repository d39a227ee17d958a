#pragma once

#include "schema/Schema.h"

#include <QString>

#include <optional>

namespace strata {

// Where a command line's schema comes from: a drizzle snapshot file, a migrations folder (its
// latest snapshot), or a live database (a URL or keyword/value string, introspected).
class SchemaSource
{
public:
    struct Loaded {
        Schema schema;
        bool live = false;  // read from a database, not from drizzle's snapshot
    };

    // The snapshot of a file or of a folder's latest migration; nothing and *error otherwise.
    static std::optional<Schema> snapshot(const QString &path, QString *error);
    // A file or folder as snapshot(); anything else as a connection string. *usage is set
    // when the argument itself is wrong (exit code 2) rather than the database (exit code 1).
    static std::optional<Loaded> load(const QString &argument, QString *error, bool *usage);
};

} // namespace strata
