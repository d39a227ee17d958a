#pragma once

#include "pg/QueryResult.h"

#include <QList>
#include <QString>

#include <optional>

namespace strata {

class DrizzleProject;
struct Migration;

// One row of drizzle's bookkeeping table.
struct LedgerRow {
    qint64 id = 0;
    QString hash;                    // lower-case hex SHA-256 of the file drizzle read
    std::optional<qint64> createdAt; // the journal's `when`, not the time it ran; NULL is possible
    QString name;                    // drizzle-kit 1.0's column: the migration's folder name
    QString appliedAt;               // drizzle-kit 1.0's column, as the server prints it

    friend bool operator==(const LedgerRow &, const LedgerRow &) = default;
};

// drizzle-orm's bookkeeping table (`drizzle.__drizzle_migrations`, or what drizzle.config.ts
// `migrations` names): the queries that find, create, read and write it, rows exactly as
// drizzle-orm's migrator writes them. Pure: the caller runs the queries.
class Ledger
{
public:
    // Which of drizzle's two table shapes is there.
    struct Shape {
        bool exists = false;
        bool hasName = false;       // 1.0: `name text`
        bool hasAppliedAt = false;  // 1.0: `applied_at timestamptz DEFAULT now()`
    };

    explicit Ledger(QString schema = QStringLiteral("drizzle"), QString table = QStringLiteral("__drizzle_migrations"));
    static Ledger of(const DrizzleProject &project);

    QString schema() const { return m_schema; }
    QString table() const { return m_table; }
    QString qualifiedName() const;  // quoted: "drizzle"."__drizzle_migrations"

    // Its columns, one row each; no rows when the table is not there.
    Query shapeQuery() const;
    static Shape shapeFrom(const QueryResult &result);

    // CREATE SCHEMA / CREATE TABLE IF NOT EXISTS, as drizzle-orm writes them; with 1.0's two
    // extra columns for a folder in 1.0's layout.
    QList<Query> createQueries(bool withNames) const;
    Query readQuery(const Shape &shape) const;  // every row, oldest id first
    static QList<LedgerRow> rowsFrom(const QueryResult &result, const Shape &shape);
    // The row drizzle-orm inserts after a migration's last statement.
    Query insertQuery(const Migration &migration, const Shape &shape) const;
    Query deleteQuery(qint64 id) const;

private:
    QString m_schema;
    QString m_table;
};

} // namespace strata
