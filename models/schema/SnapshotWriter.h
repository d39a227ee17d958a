#pragma once

// Internal to strata_models: nlohmann/json is a private dependency, so only .cpp files of
// this library include this header.

#include "SnapshotJson.h"

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

#include <string>

namespace strata {

// Writes a Schema as drizzle-kit 0.31's version "7" snapshot, and holds the JSON rules
// that the reader shares with it (default values, JavaScript's JSON text).
class SnapshotWriter
{
public:
    using Json = nlohmann::ordered_json;

    static QByteArray write(const Schema &schema, const QString &id, const QString &prevId,
                            Snapshot::KeyOrder order);

    // JSON.stringify(value), as JsJson writes it with JavaScript's key order.
    static std::string compact(const Json &value);

    // The SQL text of a drizzle default: strings as they are, numbers and booleans as their
    // literal, arrays as the PostgreSQL array literal drizzle-kit 0.31 would write, objects
    // as a quoted JSON literal, null as NULL.
    static QString defaultSql(const Json &value);
    // The "default" value write() gives `column`: its spelling when that still says the
    // same, else a JSON boolean or number where drizzle writes one for the type, else the
    // SQL text as a string. Null when the column has no default.
    static Json defaultJson(const Column &column);
    // drizzle's "type" text for `column` (see SnapshotTypes), and whether that is a serial
    // type whose default therefore stays implicit.
    static QString drizzleType(const Column &column, const QString &tableSchema,
                               const QString &table, bool *defaultImplicit);

    // drizzle's view "with" keys are reloptions in camelCase.
    static QString reloptionName(const QString &camelCase);
    static QString viewOptionName(const QString &reloption);
};

} // namespace strata
