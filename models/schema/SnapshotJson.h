#pragma once

#include "Schema.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace strata {

// Why a snapshot could not be read: where (file, JSON path, line, column) and what.
struct SnapshotError {
    QString file;      // as given to read(); may be empty
    QString jsonPath;  // e.g. tables["public.users"].columns.id.notNull; empty for syntax errors
    int line = 0;      // 1-based; 0 when unknown
    int column = 0;    // 1-based, in characters
    QString message;   // translated, one sentence

    bool isNull() const { return message.isEmpty(); }
    // "file:line:column: jsonPath: message", leaving out what is unknown.
    QString toString() const;
};

// One drizzle-kit snapshot file: its place in the chain and the schema it describes.
struct Snapshot {
    // Which of drizzle-kit 0.x's two key orders a version "7" file has: `generate` writes its
    // serializer's order; `generate --custom` writes the previous snapshot as its validator
    // (zod) re-created it, in the validator's order. Older shapes read as Generated.
    enum class KeyOrder { Generated, Validated };

    QString id;
    QStringList prevIds;  // 0.x: the one prevId ("" in pulled snapshots); 1.0: prevIds
    QString version;      // "5", "6", "7" or "8"
    QString dialect;      // "pg" (5), "postgresql" (6, 7), "postgres" (8)
    KeyOrder keyOrder = KeyOrder::Generated;
    Schema schema;
};

// Reads drizzle-kit's PostgreSQL snapshots (meta/NNNN_snapshot.json of 0.x, versions "5",
// "6" and "7" in all their shapes; snapshot.json of 1.0, version "8") into a Schema, and
// writes version "7" byte for byte as drizzle-kit 0.31 does.
//
// Reading keeps the file's order in every list (drizzle writes declaration order), so
// that write() reproduces it; a Schema from introspection is ordered by name instead.
// Defaults keep drizzle's SQL text ("'OPEN'", "now()"; JSON numbers and booleans become
// their SQL text), and types are mapped as SnapshotTypes describes; what only the spelling
// tells apart goes to Column::snapshotSpelling. Other mappings:
//   - a column's "primaryKey": true is the table's primary key named <table>_pkey (the
//     name PostgreSQL gives it); compositePrimaryKeys keep their own name. On writing, a
//     one-column key with that name goes back on the column.
//   - "serial" is integer with the default PostgreSQL gives it (SnapshotTypes::serialDefault).
//   - table schema "" is public; an FK without schemaTo points into public; index keys
//     "nulls" equal to the direction's default become IndexKey::Nulls::Default; policy
//     "to": ["public"] is an empty role list; a view without "definition" is drizzle's
//     .existing(); view "with" keys (securityBarrier) are reloptions (security_barrier).
class SnapshotJson
{
public:
    static QString originId();  // "00000000-0000-0000-0000-000000000000"
    static QString newId();     // a fresh UUID v4, as crypto.randomUUID() makes

    // Never a partial result: on any problem, nullopt and `error` says where and why.
    static std::optional<Snapshot> read(const QByteArray &json, const QString &fileName,
                                        SnapshotError *error = nullptr);

    // Version "7" as drizzle-kit 0.31's generate writes it (2-space indent, no trailing
    // newline, schema "" for public tables, sequence numbers as strings, boolean and number
    // defaults as JSON booleans and numbers); with Validated, in the order of `--custom`.
    static QByteArray write(const Schema &schema, const QString &id, const QString &prevId,
                            Snapshot::KeyOrder order = Snapshot::KeyOrder::Generated);

    // JSON.stringify(JSON.parse(json), null, 2): the text drizzle-kit would write for the
    // same document, to tell a reformatted file from a changed one. Empty if not JSON.
    static QByteArray restringify(const QByteArray &json);
};

} // namespace strata
