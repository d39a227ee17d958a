#pragma once

// Internal to strata_models: nlohmann/json is a private dependency, so only .cpp files of
// this library include this header.

#include "SnapshotJson.h"

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <string>
#include <vector>

namespace strata {

// Turns one snapshot document into a Snapshot, checking every key it relies on; the first
// problem ends the read with an error that says where it is (file, JSON path, line, column).
class SnapshotReader
{
public:
    using Json = nlohmann::ordered_json;

    // One step of a JSON path: an object key, or an array index when index >= 0.
    struct Step {
        std::string key;
        int index = -1;

        bool operator==(const Step &) const = default;
    };
    using Path = std::vector<Step>;
    // What an error points at: the value at the path, or (unknown keys) the key itself.
    enum class Target { Value, Key };

    SnapshotReader(const QByteArray &json, const QString &fileName);

    std::optional<Snapshot> read(SnapshotError *error);

    // The static members work on the JSON text alone (SnapshotReaderText.cpp).

    // Parses JSON keeping key order (JSON.parse's: a repeated key keeps its first place and
    // its last value); on a syntax error, where (a byte offset) and nlohmann's reason.
    static bool parse(const QByteArray &json, Json *root, qsizetype *errorOffset, QString *errorDetail);

    // tables["public.users"].columns.id: identifier keys after a dot, other keys quoted in
    // brackets, indices in brackets.
    static QString pathText(const Path &path);
    // Where the value (or key) at `path` starts in `json`, as a byte offset; -1 if absent.
    static qsizetype locate(const QByteArray &json, const Path &path, Target target);
    // 1-based line and column (in characters) of a byte offset.
    static void lineColumn(const QByteArray &json, qsizetype offset, int *line, int *column);
    // Where brackets outside strings first nest deeper than any snapshot does (-1 if never):
    // recursive walks over the document stay off the end of the stack.
    static qsizetype tooDeepAt(const QByteArray &json);

private:
    struct ColumnRead {
        Column column;
        bool primaryKey = false;
        std::optional<UniqueConstraint> unique;  // the old column-level "isUnique"
    };

    // Error reporting: the message is about `path`; it points at `where` (default: path).
    bool fail(const Path &path, const QString &message, Target target = Target::Value);
    bool failAt(const Path &path, const Path &where, const QString &message);
    bool syntaxError(qsizetype offset, const QString &detail);

    // Typed access: false (with the error set) when a required key is missing or a value
    // has the wrong type. `present` tells optional keys that were there.
    bool expectObject(const Json &value, const Path &path);
    bool allowKeys(const Json &object, const Path &path, std::initializer_list<const char *> allowed);
    const Json *member(const Json &object, const Path &path, const char *key, bool required, bool *ok);
    bool string(const Json &object, const Path &path, const char *key, QString *out,
                bool required = true, bool *present = nullptr);
    bool nullableString(const Json &object, const Path &path, const char *key, QString *out,
                        bool *present = nullptr);
    bool boolean(const Json &object, const Path &path, const char *key, bool *out,
                 bool required = true, bool *present = nullptr);
    bool object(const Json &object, const Path &path, const char *key, const Json **out,
                bool required = true);
    bool stringList(const Json &object, const Path &path, const char *key, QStringList *out,
                    bool required = true, bool *present = nullptr);
    // A whole number written as a string ("1", "-9223372036854775808"), or in version 8
    // also as a JSON number.
    bool integer(const Json &object, const Path &path, const char *key, std::optional<qint64> *out,
                 bool allowNumber = false);
    bool choice(const Json &object, const Path &path, const char *key, const QStringList &allowed,
                QString *out, bool required, Qt::CaseSensitivity cs = Qt::CaseSensitive);

    // Versions 5, 6 and 7 (drizzle-kit 0.x), in SnapshotReaderV7.cpp.
    bool readV7(const Json &root, int version, Snapshot *snapshot);
    bool readTable(const Json &value, const Path &path, int version, Table *table);
    bool readColumn(const Json &value, const Path &path, const QString &tableSchema,
                    const QString &table, ColumnRead *read);
    bool readIdentity(const Json &value, const Path &path, Identity *identity);
    bool readIndex(const Json &value, const Path &path, int version, const Table &table, Index *index);
    bool readForeignKey(const Json &value, const Path &path, ForeignKey *key);
    bool readPolicy(const Json &value, const Path &path, Policy *policy);
    bool readSequence(const Json &value, const Path &path, Sequence *sequence);
    bool readView(const Json &value, const Path &path, View *view);
    bool readViewOptions(const Json &value, const Path &path, QList<QPair<QString, QString>> *with);

    // Version 8 (drizzle-kit 1.0), in SnapshotReaderV8.cpp.
    bool readV8(const Json &root, Snapshot *snapshot);

    const QByteArray &m_json;  // the caller's, alive for the whole read
    SnapshotError m_error;
};

} // namespace strata
