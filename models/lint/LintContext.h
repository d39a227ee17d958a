#pragma once

// What HazardLint's rule files share: the statement being linted, what the text has done
// so far (tables it created, columns it added, enum values it added, whether it is inside a
// transaction), sizes, and reporting. Internal to lint/.

#include "ColumnTypes.h"
#include "HazardLint.h"
#include "ParseNodes.h"

#include <QHash>
#include <QSet>

#include <optional>

namespace strata::lint {

// A relation (table, view, …) named in the SQL, its schema resolved.
struct Relation {
    QString schema;  // the default schema when the SQL did not name one
    QString name;
    bool qualified = false;  // the SQL named the schema

    QString key() const { return schema + QChar(0) + name; }
    QString display() const;  // for messages: quoted as PostgreSQL would, qualified as the SQL was
    QString object() const;   // for Hazard::object: quoted and always qualified
};

// How big a table is, as far as the lint knows.
enum class Size {
    New,      // created (or truncated) earlier in this text, nothing inserted since: nothing to lose
    Empty,    // the statistics say 0 rows
    Small,    // the statistics say fewer rows (and bytes) than LintOptions' thresholds
    Unknown,  // no statistics (not connected, not analysed, or filled by this text)
    Large,    // at or above a threshold
};

// The severity for each size, or none (no finding). New never has a finding.
struct BySize {
    std::optional<Hazard::Severity> empty;
    std::optional<Hazard::Severity> small;
    std::optional<Hazard::Severity> unknown;
    std::optional<Hazard::Severity> large;

    std::optional<Hazard::Severity> at(Size size) const;
};

// An enum label that ALTER TYPE … ADD VALUE added in the open transaction.
struct AddedEnumValue {
    QString typeKey;  // Relation::key() of the enum type
    QString typeDisplay;
    QString label;
    int line = 0;     // of the ALTER TYPE statement
};

class Linter
{
public:
    Linter(const LintOptions &options, QList<Hazard> &out) : m_options(options), m_out(out) {}

    void lintStatement(int index, const SqlStatement &statement, const ParsedStatement &parsed);

    const LintOptions &options() const { return m_options; }
    int statementIndex() const { return m_index; }
    const SqlStatement &statement() const { return *m_statement; }

    Relation relation(const Json &rangeVar) const;       // RangeVar fields
    Relation relation(const QStringList &names) const;   // [schema,] name
    Size sizeOf(const Relation &table) const;
    std::optional<double> estimatedRows(const Relation &table) const;  // from the statistics
    // A column's type as the text defined it, or else as the statistics give it.
    TypeSpec columnType(const Relation &table, const QString &column) const;
    bool isNewColumn(const Relation &table, const QString &column) const;

    // A finding at byte `location` of the statement (-1: the statement's start).
    void report(const char *ruleId, Hazard::Severity severity, int location, const QString &object,
                const QString &message, const QString &alternative);

    // What the text has done so far. Keys are Relation::key().
    QSet<QString> createdTables;                       // created by the text: no app uses them yet
    QSet<QString> emptyTables;                         // created or truncated by the text, empty since
    QHash<QString, QString> renamedFrom;               // current key → key the statistics know
    QHash<QString, QHash<QString, TypeSpec>> columns;  // column types the text defined
    QHash<QString, QStringList> columnOrder;           // of tables the text created
    QSet<QString> newColumns;                          // key NUL column: added by the text
    QHash<QString, QString> notNullChecks;             // key NUL constraint → column it checks IS NOT NULL
    QSet<QString> notNullProven;                       // key NUL column: a valid check proves NOT NULL
    bool inTransactionBlock = true;                    // the runner's transaction, until COMMIT
    QList<AddedEnumValue> addedEnumValues;             // in the open transaction

    void renameTable(const Relation &from, const Relation &to);
    void forgetTable(const Relation &table);

private:
    const LintOptions &m_options;
    QList<Hazard> &m_out;
    int m_index = -1;
    const SqlStatement *m_statement = nullptr;
};

// The rule groups, one file each. Each looks at one parsed statement (`node` is its fields,
// `type` its node type) and updates the Linter's record of the text after linting it.
void lintTransactions(Linter &linter, const QString &type, const Json &node);  // TransactionRules.cpp
void lintEnumUses(Linter &linter, const Json &stmt);                          // TransactionRules.cpp
void lintTables(Linter &linter, const QString &type, const Json &node);        // TableRules.cpp
void lintAlterTable(Linter &linter, const Json &node);                         // AlterTableRules.cpp
void lintData(Linter &linter, const QString &type, const Json &node);          // DataRules.cpp

// An identifier for a one-line message: quoted as PostgreSQL quotes it, with control
// characters (a hostile name may hold a newline) shown as \uXXXX.
QString quoted(const QString &identifier);
// A string literal for a message: 'it''s', control characters shown as in quoted().
QString literal(const QString &value);
// "about 1234 rows", translated.
QString rowsText(double rows);

} // namespace strata::lint
