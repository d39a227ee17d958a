#pragma once

#include "lint/Hazard.h"
#include "lint/ParseTree.h"
#include "text/StatementSplitter.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace strata {

// What the caller read about existing tables (pg_class.reltuples, pg_total_relation_size(),
// format_type() of each column), so that the lint's severities follow real sizes without the
// lint ever needing a connection. Names are as stored in the catalog: unquoted, case kept.
class TableStats
{
public:
    // `estimatedRows` is reltuples: negative means never analysed, i.e. unknown. `bytes`
    // negative: unknown.
    void setTable(const QString &schema, const QString &table, double estimatedRows, qint64 bytes = -1);
    // `type` as format_type() prints it: "character varying(20)", "numeric(10,2)", "\"Status\"".
    void setColumnType(const QString &schema, const QString &table, const QString &column, const QString &type);

    bool hasTable(const QString &schema, const QString &table) const;  // listed, even with unknown sizes
    std::optional<double> estimatedRows(const QString &schema, const QString &table) const;
    std::optional<qint64> bytes(const QString &schema, const QString &table) const;
    QString columnType(const QString &schema, const QString &table, const QString &column) const;  // empty: unknown
    bool isEmpty() const { return m_tables.isEmpty() && m_columnTypes.isEmpty(); }

    friend bool operator==(const TableStats &, const TableStats &) = default;

private:
    struct Size {
        double rows = -1;
        qint64 bytes = -1;
        friend bool operator==(const Size &, const Size &) = default;
    };
    QHash<QString, Size> m_tables;           // key: schema, NUL, table (no identifier holds a NUL)
    QHash<QString, QString> m_columnTypes;   // key: schema, NUL, table, NUL, column
};

struct LintOptions {
    TableStats stats;
    // A table this big is "large": blocking index builds, scans and rewrites get louder.
    double largeTableRows = 100000;
    qint64 largeTableBytes = qint64(1) << 30;  // 1 GiB; 0 or less: sizes in bytes are ignored
    int serverVersion = 0;  // PQserverVersion() of the target, e.g. 150004; 0: unknown (assumed 12 or later)
    QString defaultSchema = QStringLiteral("public");  // where unqualified names live (search_path's first)
};

// Finds what is dangerous in SQL meant to migrate a live database (Strata's, drizzle-kit's or
// hand-written), from PostgreSQL's own parse tree (libpg_query), never from the text.
//
// It assumes the way drizzle's and Strata's runners apply a migration: the whole text in one
// transaction, unless the text itself says COMMIT/ROLLBACK (then each statement commits on
// its own) or BEGIN again. A table created (or truncated) earlier in the text is empty until
// something is inserted or copied into it, so what is dangerous on a live table is not
// reported for it. Statements are found by StatementSplitter and parsed one by one, so a
// statement that does not parse is reported (with the parser's position) and the others are
// still linted. Function bodies and DO blocks are strings to the parser: not looked into.
//
// Severities by what the statistics say of the table: empty / small / unknown / large
// ("large": LintOptions' thresholds; "-": no finding; a table new in the text: none ever).
//   drop-table, drop-column, truncate, delete-without-where   info / error / warning / error
//   add-column-not-null-no-default (fails on any row)         -    / error / warning / error
//   column-type-rewrite, add-column-volatile-default          -    / info  / warning / error
//     (column-type-rewrite when the old type is unknown:       -    / info  / warning / warning)
//   set-not-null, constraint-not-not-valid, update-without-where
//                                                             -    / info  / warning / warning
//   create-index-blocking (also UNIQUE/PRIMARY KEY constraints) -  / info  / info    / warning
// Independent of size:
//   non-transactional: error inside the migration's transaction, warning after the text's
//     own COMMIT; ALTER TYPE … ADD VALUE: info when the server version is unknown
//   enum-value-used-in-same-transaction: error where the string is certainly the enum (a
//     cast to the type, a default or value of a column whose type the text or the statistics
//     know), warning for any other string constant equal to a label added in the transaction
//   rename (table, view, column, schema, enum value, SET SCHEMA), drop-cascade: warning
//   syntax-error: error
class HazardLint
{
public:
    static QList<Hazard> lint(const QString &sql, const LintOptions &options = LintOptions());
    // For a caller that already split the text (positions are the script's).
    static QList<Hazard> lint(const SqlScript &script, const LintOptions &options = LintOptions());

    // True for a statement PostgreSQL refuses inside a transaction block ("… cannot run
    // inside a transaction block"): CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY,
    // REINDEX DATABASE/SYSTEM, ALTER TABLE … DETACH PARTITION … CONCURRENTLY, VACUUM,
    // CLUSTER without a table, CREATE/DROP DATABASE, ALTER DATABASE … SET TABLESPACE,
    // CREATE/DROP TABLESPACE, ALTER SYSTEM, CREATE/DROP SUBSCRIPTION (conservatively: only
    // some of their options need it), DISCARD ALL, COMMIT/ROLLBACK PREPARED; and ALTER TYPE
    // … ADD VALUE when `serverVersion` is known and older than 12. For the migration runner:
    // such a statement must be sent on its own, outside the migration's transaction.
    static bool cannotRunInTransaction(const ParsedStatement &statement, int serverVersion = 0);
    static bool cannotRunInTransaction(const QString &statementSql, int serverVersion = 0);
    // The label an ALTER TYPE … ADD VALUE adds; empty for any other statement. PostgreSQL
    // refuses to use it before the transaction that added it commits (SQLSTATE 55P04).
    static QString addedEnumValue(const ParsedStatement &statement);

    // What a statement does to the transaction it runs in. Migration files sometimes say
    // COMMIT; … BEGIN; around a statement that cannot run in a transaction block.
    enum class TransactionControl {
        None,      // not a transaction statement
        Begin,     // BEGIN, START TRANSACTION
        Commit,    // COMMIT, END
        Rollback,  // ROLLBACK, ABORT
        Other,     // SAVEPOINT, PREPARE TRANSACTION, COMMIT AND CHAIN, …
    };
    static TransactionControl transactionControl(const ParsedStatement &statement);

    // Every rule id the lint can report, in a fixed order.
    static QStringList ruleIds();
};

} // namespace strata
